package org.fr3workbench.probe.tls;

/**
 * One TLS record as received.
 *
 * @param type content type (20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data)
 * @param version the record-layer version field
 * @param payload the fragment
 */
public record TlsRecord(int type, int version, byte[] payload) {
    public static final int CHANGE_CIPHER_SPEC = 20;
    public static final int ALERT = 21;
    public static final int HANDSHAKE = 22;
    public static final int APPLICATION_DATA = 23;
}
