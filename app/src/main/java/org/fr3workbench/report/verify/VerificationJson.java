package org.fr3workbench.report.verify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The stable JSON form of a {@link VerificationResult} (documented in docs/dossier.md). */
public final class VerificationJson {

    private VerificationJson() {
    }

    public static Map<String, Object> toMap(VerificationResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", result.file().toString());
        root.put("valid", result.valid());
        root.put("checks", result.checks().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("check", c.name());
            m.put("result", c.passed() ? "pass" : "fail");
            m.put("message", c.message());
            return m;
        }).toList());
        root.put("signatures", result.signatures().stream().map(VerificationJson::signature).toList());
        root.put("journalHead", result.journalHead().orElse(null));
        root.put("evidence", result.evidence());
        return root;
    }

    private static Map<String, Object> signature(SignatureReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", r.field());
        m.put("subFilter", r.subFilter());
        m.put("level", r.level());
        m.put("valid", r.valid());
        m.put("problem", r.problem().orElse(null));
        m.put("signedBytes", r.signedTo());
        m.put("claimedTime", time(r.claimedTime()));
        m.put("timeStamp", time(r.timeStamp()));
        m.put("certificate", r.signer().map(c -> {
            Map<String, Object> cert = new LinkedHashMap<>();
            cert.put("subject", c.subject());
            cert.put("issuer", c.issuer());
            cert.put("serial", c.serial());
            cert.put("notBefore", c.notBefore().toString());
            cert.put("notAfter", c.notAfter().toString());
            cert.put("sha256", c.sha256());
            cert.put("selfSigned", c.selfSigned());
            return cert;
        }).orElse(null));
        return m;
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
