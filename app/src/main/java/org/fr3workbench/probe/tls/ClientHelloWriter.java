package org.fr3workbench.probe.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Writes a ClientHello record from a {@link ClientHelloSpec}: our own bytes, so that the scanner can offer
 * suites, versions and groups that no local TLS stack implements.
 */
public final class ClientHelloWriter {

    static final int EXT_SERVER_NAME = 0x0000;
    static final int EXT_SUPPORTED_GROUPS = 0x000A;
    static final int EXT_EC_POINT_FORMATS = 0x000B;
    static final int EXT_SIGNATURE_ALGORITHMS = 0x000D;
    static final int EXT_EXTENDED_MASTER_SECRET = 0x0017;
    static final int EXT_SUPPORTED_VERSIONS = 0x002B;
    static final int EXT_PSK_MODES = 0x002D;
    static final int EXT_KEY_SHARE = 0x0033;
    static final int EXT_RENEGOTIATION_INFO = 0xFF01;
    static final int SCSV_RENEGOTIATION = 0x00FF;

    private final SecureRandom random;
    private final KeyShares keyShares;

    public ClientHelloWriter(SecureRandom random, KeyShares keyShares) {
        this.random = random;
        this.keyShares = keyShares;
    }

    /** The complete record (header included) carrying the ClientHello. */
    public byte[] write(ClientHelloSpec spec) {
        byte[] body = body(spec);
        Bytes handshake = new Bytes();
        handshake.u8(1).u24(body.length).raw(body);
        Bytes record = new Bytes();
        int recordVersion = spec.version() == TlsVersion.SSL_3_0 ? 0x0300 : 0x0301;
        byte[] payload = handshake.toByteArray();
        record.u8(22).u16(recordVersion).u16(payload.length).raw(payload);
        return record.toByteArray();
    }

    private byte[] body(ClientHelloSpec spec) {
        boolean tls13 = spec.version() == TlsVersion.TLS_1_3;
        Bytes b = new Bytes();
        b.u16(tls13 ? TlsVersion.TLS_1_2.wire() : spec.version().wire());
        b.raw(randomBytes(32));
        byte[] sessionId = tls13 ? randomBytes(32) : new byte[0];
        b.u8(sessionId.length).raw(sessionId);
        boolean ssl3 = spec.version() == TlsVersion.SSL_3_0;
        int suiteCount = spec.suites().size() + (ssl3 ? 1 : 0);
        b.u16(suiteCount * 2);
        for (int suite : spec.suites()) {
            b.u16(suite);
        }
        if (ssl3) {
            b.u16(SCSV_RENEGOTIATION);
        }
        if (spec.offerCompression() && !tls13) {
            b.u8(2).u8(1).u8(0);
        } else {
            b.u8(1).u8(0);
        }
        if (!ssl3) {
            byte[] extensions = extensions(spec, tls13);
            b.u16(extensions.length).raw(extensions);
        }
        return b.toByteArray();
    }

    private byte[] extensions(ClientHelloSpec spec, boolean tls13) {
        Bytes e = new Bytes();
        if (spec.serverName() != null) {
            byte[] name = spec.serverName().getBytes(StandardCharsets.US_ASCII);
            Bytes list = new Bytes().u8(0).u16(name.length).raw(name);
            extension(e, EXT_SERVER_NAME, new Bytes().u16(list.size()).raw(list.toByteArray()).toByteArray());
        }
        Bytes groups = new Bytes().u16(spec.groups().size() * 2);
        spec.groups().forEach(groups::u16);
        extension(e, EXT_SUPPORTED_GROUPS, groups.toByteArray());
        extension(e, EXT_EC_POINT_FORMATS, new Bytes().u8(1).u8(0).toByteArray());
        Bytes schemes = new Bytes().u16(spec.signatureSchemes().size() * 2);
        spec.signatureSchemes().forEach(schemes::u16);
        extension(e, EXT_SIGNATURE_ALGORITHMS, schemes.toByteArray());
        extension(e, EXT_EXTENDED_MASTER_SECRET, new byte[0]);
        if (tls13) {
            extension(e, EXT_SUPPORTED_VERSIONS, new Bytes().u8(2).u16(TlsVersion.TLS_1_3.wire()).toByteArray());
            extension(e, EXT_PSK_MODES, new Bytes().u8(1).u8(1).toByteArray());
            Bytes shares = new Bytes();
            for (int group : spec.keyShares()) {
                byte[] key = keyShares.publicKey(group);
                shares.u16(group).u16(key.length).raw(key);
            }
            extension(e, EXT_KEY_SHARE, new Bytes().u16(shares.size()).raw(shares.toByteArray()).toByteArray());
        } else {
            extension(e, EXT_RENEGOTIATION_INFO, new byte[] {0});
        }
        return e.toByteArray();
    }

    private static void extension(Bytes out, int type, byte[] data) {
        out.u16(type).u16(data.length).raw(data);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A tiny big-endian writer. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int value) {
            out.write(value & 0xFF);
            return this;
        }

        Bytes u16(int value) {
            return u8(value >>> 8).u8(value);
        }

        Bytes u24(int value) {
            return u8(value >>> 16).u16(value);
        }

        Bytes raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
