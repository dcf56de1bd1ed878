package org.fr3workbench.probe.tls;

/** The peer sent something that is not a well-formed TLS answer; the message says what and where. */
public final class TlsProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of malformation. */
    public enum Kind {
        /** The first bytes are not a TLS record at all (e.g. an HTTP or SSH banner). */
        NOT_TLS,
        /** A record longer than TLS allows. */
        OVERSIZED,
        /** A structure that does not parse. */
        MALFORMED
    }

    private final Kind kind;

    public TlsProtocolException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
