package org.fr3workbench.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An SSH host key the assessor has accepted for a device.
 *
 * @param host        host name or address as typed
 * @param port        SSH port
 * @param keyType     e.g. {@code ssh-ed25519}
 * @param fingerprint e.g. {@code SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s}
 * @param actor       who accepted it
 * @param pinnedAt    when
 */
public record HostKeyPin(String host, int port, String keyType, String fingerprint, String actor, Instant pinnedAt) {
    public HostKeyPin {
        host = AssessmentInfo.requireText(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, found " + port);
        }
        keyType = AssessmentInfo.requireText(keyType, "keyType");
        fingerprint = AssessmentInfo.requireText(fingerprint, "fingerprint");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(pinnedAt, "pinnedAt");
    }
}
