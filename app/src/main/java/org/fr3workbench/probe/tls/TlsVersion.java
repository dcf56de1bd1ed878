package org.fr3workbench.probe.tls;

import java.util.Optional;

/** The protocol versions the scanner probes, oldest first, with their wire values and report names. */
public enum TlsVersion {
    SSL_3_0(0x0300, "SSLv3"),
    TLS_1_0(0x0301, "TLSv1.0"),
    TLS_1_1(0x0302, "TLSv1.1"),
    TLS_1_2(0x0303, "TLSv1.2"),
    TLS_1_3(0x0304, "TLSv1.3");

    private final int wire;
    private final String label;

    TlsVersion(int wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    /** The two-byte value on the wire, e.g. 0x0303 for TLS 1.2. */
    public int wire() {
        return wire;
    }

    /** The name used in reports and policies, e.g. {@code TLSv1.2}. */
    public String label() {
        return label;
    }

    /** The version for a report name such as {@code TLSv1.2}, if known. */
    public static Optional<TlsVersion> ofLabel(String label) {
        for (TlsVersion version : values()) {
            if (version.label.equalsIgnoreCase(label)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** The version for a wire value, if it is one of ours. */
    public static Optional<TlsVersion> ofWire(int wire) {
        for (TlsVersion version : values()) {
            if (version.wire == wire) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** A readable name for any wire value: ours by label, others in hex. */
    public static String describe(int wire) {
        return ofWire(wire).map(TlsVersion::label).orElse(String.format("0x%04X", wire));
    }
}
