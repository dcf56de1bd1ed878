package org.fr3workbench.probe.tls;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link TlsScanResult} as the stable JSON document described in docs/tls-scanner.md (schema 1),
 * with Jackson's streaming generator (no data binding: it keeps the CLI's start-up short).
 */
public final class TlsScanJson {

    /** The JSON schema version. */
    public static final int SCHEMA = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    private TlsScanJson() {
    }

    /** The result as indented JSON. */
    public static String toJson(TlsScanResult result) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            write(json, result);
        } catch (IOException e) {
            throw new UncheckedIOException("a TLS scan result cannot be written as JSON", e);
        }
        return out.toString();
    }

    /** Writes the result as one JSON object (for embedding in other documents). */
    public static void write(JsonGenerator json, TlsScanResult result) throws IOException {
        json.writeStartObject();
        json.writeNumberField("schema", SCHEMA);
        json.writeStringField("target", result.target());
        json.writeStringField("startedAt", result.startedAt().toString());
        json.writeNumberField("durationMs", result.durationMillis());
        json.writeNumberField("connections", result.connections());
        if (result.policy() != null) {
            json.writeObjectFieldStart("policy");
            json.writeStringField("id", result.policy().id());
            json.writeStringField("version", result.policy().version());
            json.writeStringField("date", result.policy().date());
            json.writeEndObject();
        }
        json.writeStringField("result", result.failed() ? "fail" : "pass");
        json.writeArrayFieldStart("protocols");
        for (ProtocolResult p : result.protocols()) {
            protocol(json, p);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("certificates");
        for (CertificateInfo c : result.certificates()) {
            certificate(json, c);
        }
        json.writeEndArray();
        json.writeStringField("certificateSource", result.certificateSource());
        json.writeFieldName("secureRenegotiation");
        if (result.secureRenegotiation() == null) {
            json.writeNull();
        } else {
            json.writeBoolean(result.secureRenegotiation());
        }
        json.writeBooleanField("compression", result.compression());
        json.writeFieldName("dhBits");
        if (result.dhBits() == 0) {
            json.writeNull();
        } else {
            json.writeNumber(result.dhBits());
        }
        strings(json, "errors", result.errors());
        json.writeArrayFieldStart("findings");
        for (Finding f : result.findings()) {
            json.writeStartObject();
            json.writeStringField("rule", f.rule());
            json.writeStringField("result", f.result().json());
            json.writeStringField("subject", f.subject());
            json.writeStringField("message", f.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void protocol(JsonGenerator json, ProtocolResult p) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", p.name());
        json.writeBooleanField("supported", p.supported());
        strings(json, "accepted", p.accepted());
        json.writeStringField("preference", p.preference());
        strings(json, "groups", p.groups());
        strings(json, "signatureAlgorithms", p.signatureAlgorithms());
        json.writeStringField("refusal", p.refusal());
        json.writeStringField("error", p.error());
        json.writeEndObject();
    }

    private static void certificate(JsonGenerator json, CertificateInfo c) throws IOException {
        json.writeStartObject();
        json.writeNumberField("position", c.position());
        json.writeStringField("subject", c.subject());
        json.writeStringField("issuer", c.issuer());
        strings(json, "subjectAltNames", c.subjectAltNames());
        json.writeStringField("keyType", c.keyType());
        json.writeNumberField("keyBits", c.keyBits());
        json.writeStringField("curve", c.curve());
        json.writeStringField("signatureAlgorithm", c.signatureAlgorithm());
        json.writeStringField("signatureHash", c.signatureHash());
        json.writeStringField("notBefore", c.notBefore().toString());
        json.writeStringField("notAfter", c.notAfter().toString());
        json.writeBooleanField("selfSigned", c.selfSigned());
        json.writeStringField("sha256", c.sha256());
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
