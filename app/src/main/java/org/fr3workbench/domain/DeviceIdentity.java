package org.fr3workbench.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the device said it was when the workbench connected, plus what the assessor read off its label.
 * Fields the device would not tell are empty strings.
 *
 * @param channel            the channel description, e.g. {@code ssh root@192.0.2.7:22}
 * @param hostKeyFingerprint OpenSSH SHA-256 fingerprint of the host key; empty for serial and local channels
 * @param hostname           output of {@code hostname}
 * @param kernel             output of {@code uname -a}
 * @param osRelease          content of {@code /etc/os-release}
 * @param machineId          content of {@code /etc/machine-id}, empty when not readable
 * @param serialNumber       entered by the assessor
 * @param firmwareVersion    entered by the assessor
 * @param capturedAt         when the identity was read
 */
public record DeviceIdentity(String channel, String hostKeyFingerprint, String hostname, String kernel,
                             String osRelease, String machineId, String serialNumber, String firmwareVersion,
                             Instant capturedAt) {

    public DeviceIdentity {
        Objects.requireNonNull(channel, "channel");
        hostKeyFingerprint = Objects.requireNonNullElse(hostKeyFingerprint, "");
        hostname = Objects.requireNonNullElse(hostname, "");
        kernel = Objects.requireNonNullElse(kernel, "");
        osRelease = Objects.requireNonNullElse(osRelease, "");
        machineId = Objects.requireNonNullElse(machineId, "");
        serialNumber = Objects.requireNonNullElse(serialNumber, "");
        firmwareVersion = Objects.requireNonNullElse(firmwareVersion, "");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }

    /** A field of {@code /etc/os-release} such as {@code PRETTY_NAME}, unquoted. */
    public Optional<String> osReleaseField(String key) {
        return OsRelease.field(osRelease, key);
    }
}
