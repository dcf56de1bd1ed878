package org.fr3workbench.probe.tls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link TlsScanResult} as the stable JSON document described in docs/tls-scanner.md (schema 1). */
public final class TlsScanJson {

    /** The JSON schema version. */
    public static final int SCHEMA = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TlsScanJson() {
    }

    /** The result as indented JSON. */
    public static String toJson(TlsScanResult result) {
        try {
            return MAPPER.writeValueAsString(toMap(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a TLS scan result cannot be written as JSON", e);
        }
    }

    /** The result as a map of plain values (for embedding in other JSON documents). */
    public static Map<String, Object> toMap(TlsScanResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("target", result.target());
        root.put("startedAt", result.startedAt().toString());
        root.put("durationMs", result.durationMillis());
        root.put("connections", result.connections());
        if (result.policy() != null) {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("id", result.policy().id());
            policy.put("version", result.policy().version());
            policy.put("date", result.policy().date());
            root.put("policy", policy);
        }
        root.put("result", result.failed() ? "fail" : "pass");
        root.put("protocols", result.protocols().stream().map(TlsScanJson::protocol).toList());
        root.put("certificates", result.certificates().stream().map(TlsScanJson::certificate).toList());
        root.put("certificateSource", result.certificateSource());
        root.put("secureRenegotiation", result.secureRenegotiation());
        root.put("compression", result.compression());
        root.put("dhBits", result.dhBits() == 0 ? null : result.dhBits());
        root.put("errors", result.errors());
        root.put("findings", result.findings().stream().map(TlsScanJson::finding).toList());
        return root;
    }

    private static Map<String, Object> protocol(ProtocolResult p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", p.name());
        out.put("supported", p.supported());
        out.put("accepted", p.accepted());
        out.put("preference", p.preference());
        out.put("groups", p.groups());
        out.put("signatureAlgorithms", p.signatureAlgorithms());
        out.put("refusal", p.refusal());
        out.put("error", p.error());
        return out;
    }

    private static Map<String, Object> certificate(CertificateInfo c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("position", c.position());
        out.put("subject", c.subject());
        out.put("issuer", c.issuer());
        out.put("subjectAltNames", c.subjectAltNames());
        out.put("keyType", c.keyType());
        out.put("keyBits", c.keyBits());
        out.put("curve", c.curve());
        out.put("signatureAlgorithm", c.signatureAlgorithm());
        out.put("signatureHash", c.signatureHash());
        out.put("notBefore", c.notBefore().toString());
        out.put("notAfter", c.notAfter().toString());
        out.put("selfSigned", c.selfSigned());
        out.put("sha256", c.sha256());
        return out;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rule", f.rule());
        out.put("result", f.result().json());
        out.put("subject", f.subject());
        out.put("message", f.message());
        return out;
    }

    /** Names of the accepted suites per protocol, for comparisons. */
    public static Map<String, List<String>> acceptedByProtocol(TlsScanResult result) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        result.protocols().forEach(p -> out.put(p.name(), p.accepted()));
        return out;
    }
}
