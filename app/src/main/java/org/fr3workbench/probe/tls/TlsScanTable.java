package org.fr3workbench.probe.tls;

import java.util.List;
import java.util.stream.Collectors;

/** Writes a {@link TlsScanResult} as a readable plain-text report. */
public final class TlsScanTable {

    private TlsScanTable() {
    }

    /** The report, lines separated by {@code \n}. */
    public static String render(TlsScanResult result) {
        StringBuilder out = new StringBuilder();
        out.append("TLS scan of ").append(result.target()).append(" (").append(result.connections()).append(" connections, ")
                .append(result.durationMillis()).append(" ms)\n");
        if (result.policy() != null) {
            out.append("Policy: ").append(result.policy().id()).append(' ').append(result.policy().version())
                    .append(" (").append(result.policy().date()).append(")\n");
        }
        out.append('\n');
        String format = "%-8s %-9s %-4s %-48s %-6s %s%n";
        out.append(String.format(format, "PROTOCOL", "SUPPORTED", "", "CIPHER SUITE", "POLICY", "RULE"));
        SuiteMatrix matrix = SuiteMatrix.of(result);
        for (ProtocolResult protocol : result.protocols().reversed()) {
            int column = matrix.protocols().indexOf(protocol.name());
            String supported = protocol.supported() ? "yes" : protocol.error() != null ? "error" : "no";
            if (protocol.accepted().isEmpty()) {
                String why = protocol.error() != null ? protocol.error()
                        : protocol.refusal() != null ? "(" + protocol.refusal() + ")" : "-";
                out.append(String.format(format, protocol.name(), supported, "", why, "", "").stripTrailing()).append('\n');
            }
            for (int i = 0; i < protocol.accepted().size(); i++) {
                String suite = protocol.accepted().get(i);
                SuiteMatrix.Cell cell = matrix.rows().stream().filter(r -> r.suite().equals(suite)).findFirst()
                        .map(r -> r.cells().get(column)).orElse(SuiteMatrix.Cell.NONE);
                String order = "server".equals(protocol.preference()) ? String.valueOf(i + 1) : "";
                out.append(String.format(format, i == 0 ? protocol.name() : "", i == 0 ? supported : "", order, suite,
                        cell == SuiteMatrix.Cell.FAIL ? "FAIL" : "pass", PolicyEvaluator.SUITE_ALLOWED));
            }
            if (protocol.supported()) {
                verdict(result, PolicyEvaluator.PROTOCOL_ALLOWED, protocol.name())
                        .ifPresent(f -> out.append(detail("protocol", (f.result() == Finding.Result.FAIL ? "FAIL " : "pass ")
                                + PolicyEvaluator.PROTOCOL_ALLOWED + " (" + f.message() + ")")));
                out.append(detail("order", protocol.preference() == null ? "-" : protocol.preference() + " preference"));
                if (!protocol.groups().isEmpty()) {
                    out.append(detail("groups", String.join(", ", protocol.groups())));
                }
                if (!protocol.signatureAlgorithms().isEmpty()) {
                    out.append(detail("signature algorithms", String.join(", ", protocol.signatureAlgorithms())));
                }
            }
        }
        out.append('\n');
        for (CertificateInfo cert : result.certificates()) {
            out.append(String.format("Certificate %d: %s%n  issuer %s%n  key %s %d bits%s, signature %s%n  valid %s to %s%s%n",
                    cert.position(), cert.subject(), cert.issuer(), cert.keyType(), cert.keyBits(),
                    cert.curve() == null ? "" : " (" + cert.curve() + ")", cert.signatureAlgorithm(), cert.notBefore(),
                    cert.notAfter(), cert.subjectAltNames().isEmpty() ? "" : "\n  names " + String.join(", ", cert.subjectAltNames())));
        }
        out.append(String.format("Secure renegotiation: %s; compression: %s%s%n",
                result.secureRenegotiation() == null ? "n/a" : result.secureRenegotiation() ? "yes" : "NO",
                result.compression() ? "ENABLED" : "off", result.dhBits() > 0 ? "; DHE group: " + result.dhBits() + " bits" : ""));
        List<Finding> failed = result.findings().stream().filter(f -> f.result() == Finding.Result.FAIL).toList();
        out.append('\n').append(failed.isEmpty() ? "Result: PASS" : "Result: FAIL").append(String.format(" (%d findings, %d failed)%n",
                result.findings().size(), failed.size()));
        out.append(failed.stream().map(f -> "  FAIL " + f.rule() + ": " + f.subject() + ": " + f.message())
                .collect(Collectors.joining("\n")));
        if (!failed.isEmpty()) {
            out.append('\n');
        }
        return out.toString();
    }

    private static java.util.Optional<Finding> verdict(TlsScanResult result, String rule, String subject) {
        return result.findings().stream().filter(f -> f.rule().equals(rule) && f.subject().equals(subject)).findFirst();
    }

    private static String detail(String label, String value) {
        return String.format("%-8s %-9s %-4s %s: %s%n", "", "", "", label, value);
    }
}
