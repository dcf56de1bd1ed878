package org.fr3workbench.probe.tls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The complete result of a scan: facts and the policy's findings. {@link TlsScanJson} writes it as JSON,
 * {@link TlsScanTable} as a readable table, {@link SuiteMatrix} arranges it for a protocol x suite view.
 *
 * @param target {@code HOST:PORT}
 * @param startedAt when the scan started
 * @param durationMillis how long it took
 * @param connections TCP connections opened
 * @param protocols one entry per probed version, oldest first
 * @param certificates the server's chain as sent, leaf first (empty if none could be read)
 * @param certificateSource how the chain was read ({@code TLSv1.2 handshake}, {@code JDK TLSv1.3 handshake})
 * @param secureRenegotiation RFC 5746 support in TLS 1.2 and older; null when no such version is supported
 * @param compression whether the server chose TLS compression
 * @param dhBits size of the finite-field DHE group in bits, 0 when no DHE suite is accepted
 * @param errors problems met during the scan (each also a {@code scan.complete} finding)
 * @param policy the policy that judged it
 * @param findings verdicts, in rule order
 */
public record TlsScanResult(String target, Instant startedAt, long durationMillis, int connections,
                            List<ProtocolResult> protocols, List<CertificateInfo> certificates, String certificateSource,
                            Boolean secureRenegotiation, boolean compression, int dhBits, List<String> errors,
                            PolicyRef policy, List<Finding> findings) {

    public TlsScanResult {
        protocols = List.copyOf(protocols);
        certificates = List.copyOf(certificates);
        errors = List.copyOf(errors);
        findings = List.copyOf(findings);
    }

    /**
     * Which policy judged the result.
     *
     * @param id policy id
     * @param version edition
     * @param date publication date of the edition
     */
    public record PolicyRef(String id, String version, String date) {
    }

    /** Whether any finding failed. */
    public boolean failed() {
        return findings.stream().anyMatch(f -> f.result() == Finding.Result.FAIL);
    }

    /** The entry for a protocol name. */
    public Optional<ProtocolResult> protocol(String name) {
        return protocols.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** A copy with findings. */
    public TlsScanResult withFindings(PolicyRef ref, List<Finding> newFindings) {
        return new TlsScanResult(target, startedAt, durationMillis, connections, protocols, certificates, certificateSource,
                secureRenegotiation, compression, dhBits, errors, ref, newFindings);
    }
}
