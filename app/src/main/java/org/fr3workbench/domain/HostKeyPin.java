package org.fr3workbench.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An SSH host key the assessor trusted for one endpoint. A later connection whose key differs is
 * refused.
 *
 * @param host        host name or address as the assessor typed it
 * @param port        TCP port
 * @param keyType     SSH key type, e.g. {@code ssh-ed25519}
 * @param fingerprint OpenSSH SHA-256 fingerprint, {@code SHA256:} followed by unpadded base64
 * @param actor       who accepted it
 * @param pinnedAt    when the assessor accepted it
 */
public record HostKeyPin(String host, int port, String keyType, String fingerprint, String actor, Instant pinnedAt) {
    public HostKeyPin {
        host = AssessmentInfo.requireText(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, found " + port);
        }
        keyType = AssessmentInfo.requireText(keyType, "keyType");
        fingerprint = AssessmentInfo.requireText(fingerprint, "fingerprint");
        if (!fingerprint.startsWith("SHA256:")) {
            throw new IllegalArgumentException("fingerprint must be in OpenSSH SHA256: form, found " + fingerprint);
        }
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(pinnedAt, "pinnedAt");
    }

    /** {@code host:port}, the key the pin is stored under. */
    public String endpoint() {
        return host + ":" + port;
    }
}
