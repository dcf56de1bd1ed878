package org.fr3workbench.probe.tls;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads TLS records from a stream with hard limits: a record may not exceed 2^14 + 2048 bytes (RFC 8446
 * 5.2), an unknown content type or a non-TLS first byte stops reading with a {@link TlsProtocolException}.
 */
public final class RecordReader {

    /** The longest record fragment TLS allows (ciphertext bound). */
    public static final int MAX_FRAGMENT = (1 << 14) + 2048;

    private final InputStream in;
    private boolean first = true;

    public RecordReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next record, or null on a clean end of stream between records.
     *
     * @throws EOFException when the stream ends inside a record
     */
    public TlsRecord next() throws IOException, TlsProtocolException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        byte[] header = readFully(4);
        if (first && !isTlsStart(type, header[0] & 0xFF)) {
            throw new TlsProtocolException(TlsProtocolException.Kind.NOT_TLS, "not a TLS answer: it starts with "
                    + preview(type, header));
        }
        if (type < TlsRecord.CHANGE_CIPHER_SPEC || type > 24) {
            throw new TlsProtocolException(TlsProtocolException.Kind.MALFORMED,
                    String.format("record of unknown content type %d", type));
        }
        first = false;
        int version = ((header[0] & 0xFF) << 8) | (header[1] & 0xFF);
        int length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        if (length > MAX_FRAGMENT) {
            throw new TlsProtocolException(TlsProtocolException.Kind.OVERSIZED, "record of " + length
                    + " bytes exceeds the TLS limit of " + MAX_FRAGMENT + " bytes");
        }
        return new TlsRecord(type, version, readFully(length));
    }

    private static boolean isTlsStart(int type, int major) {
        return type >= TlsRecord.CHANGE_CIPHER_SPEC && type <= 24 && major == 3;
    }

    private byte[] readFully(int length) throws IOException {
        byte[] buffer = in.readNBytes(length);
        if (buffer.length < length) {
            throw new EOFException("the connection ended inside a TLS record (" + buffer.length + " of " + length + " bytes)");
        }
        return buffer;
    }

    private static String preview(int type, byte[] header) {
        byte[] bytes = new byte[1 + header.length];
        bytes[0] = (byte) type;
        System.arraycopy(header, 0, bytes, 1, header.length);
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b & 0xFF));
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        String printable = new String(text.toString().getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
        return hex + " (\"" + printable + "\")" + ((type & 0x80) != 0 ? ", an SSL 2.0-style record" : "");
    }
}
