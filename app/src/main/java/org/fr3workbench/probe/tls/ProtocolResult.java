package org.fr3workbench.probe.tls;

import java.util.List;

/**
 * What one protocol version accepts.
 *
 * @param name the version's report name, e.g. {@code TLSv1.2}
 * @param supported whether the server negotiated this version
 * @param accepted IANA names of accepted suites, in the order the server chose them
 * @param preference {@code server} (the server imposes its order; {@code accepted} is that order),
 *                   {@code client} (the server follows the client's order), or null when fewer than two suites
 * @param groups named groups the server accepts with this version, in the order it chose them
 * @param signatureAlgorithms signature schemes seen in ServerKeyExchange (TLS 1.2 only)
 * @param refusal how the server turned the version down when it is not supported (an alert, a silent close, a
 *                lower version), or null
 * @param error why this version could not be judged (timeout, garbage ...), or null
 */
public record ProtocolResult(String name, boolean supported, List<String> accepted, String preference, List<String> groups,
                             List<String> signatureAlgorithms, String refusal, String error) {

    public ProtocolResult {
        accepted = List.copyOf(accepted);
        groups = List.copyOf(groups);
        signatureAlgorithms = List.copyOf(signatureAlgorithms);
    }

    /** A copy with groups and signature algorithms filled in. */
    public ProtocolResult withDetails(List<String> newGroups, List<String> schemes) {
        return new ProtocolResult(name, supported, accepted, preference, newGroups, schemes, refusal, error);
    }
}
