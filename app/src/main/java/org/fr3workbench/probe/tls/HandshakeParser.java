package org.fr3workbench.probe.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Collects handshake bytes from records and parses the server's first flight: ServerHello (or
 * HelloRetryRequest), Certificate, ServerKeyExchange and ServerHelloDone. Every length is checked against
 * the bytes present; a malformed message gives a {@link TlsProtocolException} naming the message and field.
 */
public final class HandshakeParser {

    /** The largest handshake message accepted (a long certificate chain fits easily). */
    public static final int MAX_MESSAGE = 1 << 18;

    static final int SERVER_HELLO = 2;
    static final int CERTIFICATE = 11;
    static final int SERVER_KEY_EXCHANGE = 12;
    static final int SERVER_HELLO_DONE = 14;

    private static final byte[] HRR_RANDOM = HexFormat.of().parseHex(
            "CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");

    private final IntPredicate ecdheSuite;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private ServerHello serverHello;
    private List<byte[]> certificates = List.of();
    private ServerKeyExchange keyExchange;
    private boolean done;

    /**
     * @param ecdheSuite tells whether a suite code uses ECDHE, which decides how a ServerKeyExchange is read
     */
    public HandshakeParser(IntPredicate ecdheSuite) {
        this.ecdheSuite = ecdheSuite;
    }

    /** Adds the payload of a handshake record and parses every complete message in it. */
    public void add(byte[] fragment) throws TlsProtocolException {
        pending.writeBytes(fragment);
        byte[] buffer = pending.toByteArray();
        int offset = 0;
        while (buffer.length - offset >= 4) {
            int type = buffer[offset] & 0xFF;
            int length = ((buffer[offset + 1] & 0xFF) << 16) | ((buffer[offset + 2] & 0xFF) << 8) | (buffer[offset + 3] & 0xFF);
            if (length > MAX_MESSAGE) {
                throw new TlsProtocolException(TlsProtocolException.Kind.OVERSIZED,
                        "handshake message of type " + type + " claims " + length + " bytes (limit " + MAX_MESSAGE + ")");
            }
            if (buffer.length - offset - 4 < length) {
                break;
            }
            message(type, Arrays.copyOfRange(buffer, offset + 4, offset + 4 + length));
            offset += 4 + length;
        }
        pending.reset();
        pending.write(buffer, offset, buffer.length - offset);
    }

    private void message(int type, byte[] body) throws TlsProtocolException {
        if (serverHello == null && type != SERVER_HELLO) {
            throw malformed("expected ServerHello first, got handshake message type " + type);
        }
        switch (type) {
            case SERVER_HELLO -> {
                if (serverHello != null) {
                    throw malformed("second ServerHello");
                }
                serverHello = parseServerHello(body);
            }
            case CERTIFICATE -> certificates = parseCertificates(body);
            case SERVER_KEY_EXCHANGE -> keyExchange = parseKeyExchange(body);
            case SERVER_HELLO_DONE -> done = true;
            default -> {
                // CertificateStatus, CertificateRequest ...: not needed for the scan.
            }
        }
    }

    /** The ServerHello, once parsed; null before. */
    public ServerHello serverHello() {
        return serverHello;
    }

    /** DER certificates from the Certificate message (TLS 1.2 and older), leaf first. */
    public List<byte[]> certificates() {
        return certificates;
    }

    /** The ServerKeyExchange facts, or null. */
    public ServerKeyExchange keyExchange() {
        return keyExchange;
    }

    /** Whether ServerHelloDone arrived (the TLS 1.2 flight is complete). */
    public boolean done() {
        return done;
    }

    static ServerHello parseServerHello(byte[] body) throws TlsProtocolException {
        Cursor c = new Cursor(body, "ServerHello");
        int legacy = c.u16("server_version");
        byte[] random = c.bytes(32, "random");
        c.bytes(c.u8("session_id length"), "session_id");
        int suite = c.u16("cipher_suite");
        int compression = c.u8("compression_method");
        boolean hrr = Arrays.equals(random, HRR_RANDOM);
        int version = legacy;
        int group = -1;
        boolean reneg = false;
        List<Integer> types = new ArrayList<>();
        if (c.remaining() > 0) {
            Cursor extensions = c.sub(c.u16("extensions length"), "extensions");
            while (extensions.remaining() > 0) {
                int type = extensions.u16("extension type");
                Cursor data = extensions.sub(extensions.u16("extension length"), "extension " + type);
                types.add(type);
                switch (type) {
                    case ClientHelloWriter.EXT_SUPPORTED_VERSIONS -> version = data.u16("selected_version");
                    case ClientHelloWriter.EXT_KEY_SHARE -> group = data.u16("key_share group");
                    case ClientHelloWriter.EXT_RENEGOTIATION_INFO -> reneg = true;
                    default -> {
                        // other extensions are recorded by type only
                    }
                }
            }
        }
        if (c.remaining() != 0) {
            throw malformed("ServerHello has " + c.remaining() + " trailing bytes");
        }
        return new ServerHello(legacy, version, suite, compression, hrr, group, reneg, types);
    }

    static List<byte[]> parseCertificates(byte[] body) throws TlsProtocolException {
        Cursor c = new Cursor(body, "Certificate");
        Cursor list = c.sub(c.u24("certificate_list length"), "certificate_list");
        List<byte[]> out = new ArrayList<>();
        while (list.remaining() > 0) {
            out.add(list.bytes(list.u24("certificate length"), "certificate"));
        }
        return List.copyOf(out);
    }

    private ServerKeyExchange parseKeyExchange(byte[] body) throws TlsProtocolException {
        Cursor c = new Cursor(body, "ServerKeyExchange");
        boolean tls12 = serverHello.version() == TlsVersion.TLS_1_2.wire();
        int group = -1;
        int dhBits = 0;
        if (body.length > 0 && (body[0] & 0xFF) == 3 && ecdheSuite()) {
            c.u8("curve_type");
            group = c.u16("named_curve");
            c.bytes(c.u8("public length"), "public");
        } else if (ecdheSuite()) {
            throw malformed("ServerKeyExchange uses an explicit curve, not a named group");
        } else {
            byte[] prime = c.bytes(c.u16("dh_p length"), "dh_p");
            dhBits = new java.math.BigInteger(1, prime).bitLength();
            c.bytes(c.u16("dh_g length"), "dh_g");
            c.bytes(c.u16("dh_Ys length"), "dh_Ys");
        }
        int scheme = tls12 && c.remaining() >= 2 ? c.u16("signature scheme") : -1;
        return new ServerKeyExchange(group, dhBits, scheme);
    }

    private boolean ecdheSuite() {
        return ecdheSuite.test(serverHello.cipherSuite());
    }

    private static TlsProtocolException malformed(String message) {
        return new TlsProtocolException(TlsProtocolException.Kind.MALFORMED, message);
    }
}
