package org.fr3workbench.probe.tls;

import java.util.List;

/**
 * A parsed ServerHello or HelloRetryRequest.
 *
 * @param legacyVersion the server_version field
 * @param version the negotiated version: supported_versions if present, else the server_version field
 * @param cipherSuite the chosen suite code
 * @param compression the chosen compression method (0 = none)
 * @param helloRetryRequest whether this is a TLS 1.3 HelloRetryRequest
 * @param keyShareGroup the group of the key_share extension (selected group in an HRR), or -1
 * @param secureRenegotiation whether the renegotiation_info extension was present
 * @param extensions extension types in the order sent
 */
public record ServerHello(int legacyVersion, int version, int cipherSuite, int compression, boolean helloRetryRequest,
                          int keyShareGroup, boolean secureRenegotiation, List<Integer> extensions) {

    public ServerHello {
        extensions = List.copyOf(extensions);
    }
}
