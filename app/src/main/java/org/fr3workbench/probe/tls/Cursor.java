package org.fr3workbench.probe.tls;

import java.util.Arrays;

/** Reads big-endian fields from a byte array, failing with the message and field name on a short buffer. */
final class Cursor {

    private final byte[] data;
    private final int end;
    private final String what;
    private int position;

    Cursor(byte[] data, String what) {
        this(data, 0, data.length, what);
    }

    private Cursor(byte[] data, int start, int end, String what) {
        this.data = data;
        this.position = start;
        this.end = end;
        this.what = what;
    }

    int remaining() {
        return end - position;
    }

    int u8(String field) throws TlsProtocolException {
        need(1, field);
        return data[position++] & 0xFF;
    }

    int u16(String field) throws TlsProtocolException {
        need(2, field);
        int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    int u24(String field) throws TlsProtocolException {
        need(3, field);
        int value = ((data[position] & 0xFF) << 16) | ((data[position + 1] & 0xFF) << 8) | (data[position + 2] & 0xFF);
        position += 3;
        return value;
    }

    byte[] bytes(int length, String field) throws TlsProtocolException {
        need(length, field);
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    Cursor sub(int length, String field) throws TlsProtocolException {
        need(length, field);
        Cursor sub = new Cursor(data, position, position + length, what + " " + field);
        position += length;
        return sub;
    }

    private void need(int length, String field) throws TlsProtocolException {
        if (length < 0 || remaining() < length) {
            throw new TlsProtocolException(TlsProtocolException.Kind.MALFORMED, what + ": " + field + " needs " + length
                    + " bytes, only " + remaining() + " left");
        }
    }
}
