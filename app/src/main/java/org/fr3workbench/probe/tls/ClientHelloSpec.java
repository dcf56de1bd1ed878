package org.fr3workbench.probe.tls;

import java.util.List;

/**
 * What one ClientHello offers.
 *
 * @param version the version to negotiate: for TLS 1.3 it goes into supported_versions, below into client_version
 * @param suites cipher suite codes in the order offered
 * @param groups named groups for supported_groups, in order
 * @param keyShares groups to send a key share for (TLS 1.3 only; empty asks the server for a HelloRetryRequest)
 * @param signatureSchemes schemes for signature_algorithms, in order
 * @param serverName host name for SNI, or null for none (IP addresses get none)
 * @param offerCompression whether to offer DEFLATE besides NULL compression (never for TLS 1.3)
 */
public record ClientHelloSpec(TlsVersion version, List<Integer> suites, List<Integer> groups, List<Integer> keyShares,
                              List<Integer> signatureSchemes, String serverName, boolean offerCompression) {

    public ClientHelloSpec {
        suites = List.copyOf(suites);
        groups = List.copyOf(groups);
        keyShares = List.copyOf(keyShares);
        signatureSchemes = List.copyOf(signatureSchemes);
    }

    /** A copy with other suites. */
    public ClientHelloSpec withSuites(List<Integer> newSuites) {
        return new ClientHelloSpec(version, newSuites, groups, keyShares, signatureSchemes, serverName, offerCompression);
    }

    /** A copy with other groups and key shares. */
    public ClientHelloSpec withGroups(List<Integer> newGroups, List<Integer> newKeyShares) {
        return new ClientHelloSpec(version, suites, newGroups, newKeyShares, signatureSchemes, serverName, offerCompression);
    }

    /** A copy with other signature schemes. */
    public ClientHelloSpec withSignatureSchemes(List<Integer> schemes) {
        return new ClientHelloSpec(version, suites, groups, keyShares, schemes, serverName, offerCompression);
    }
}
