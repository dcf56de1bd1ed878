package org.fr3workbench.domain;

import java.util.Objects;

/**
 * Who the device under assessment is. Every field is empty when unknown.
 *
 * @param address            how it was reached, e.g. {@code ssh://root@192.0.2.7:22} or {@code serial:/dev/ttyUSB0}
 * @param hostKeyFingerprint the pinned SSH host key, e.g. {@code SHA256:...}
 * @param osRelease          the device's {@code /etc/os-release} (or a summary of it)
 * @param serialNumber       the device's serial number as read or typed
 */
public record TargetIdentity(String address, String hostKeyFingerprint, String osRelease, String serialNumber) {
    public TargetIdentity {
        address = Objects.requireNonNullElse(address, "");
        hostKeyFingerprint = Objects.requireNonNullElse(hostKeyFingerprint, "");
        osRelease = Objects.requireNonNullElse(osRelease, "");
        serialNumber = Objects.requireNonNullElse(serialNumber, "");
    }
}
