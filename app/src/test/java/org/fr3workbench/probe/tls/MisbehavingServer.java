package org.fr3workbench.probe.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local TCP server that answers a ClientHello badly, in one of several ways, for the robustness tests. */
final class MisbehavingServer implements AutoCloseable {

    /** How to misbehave. */
    enum Behaviour {
        /** Close the connection at once. */
        CLOSE,
        /** Read the ClientHello and never answer. */
        STALL,
        /** Send a record header, then one byte every 200 ms. */
        TRICKLE,
        /** Answer with an HTTP error. */
        GARBAGE,
        /** Announce a 65535-byte record. */
        OVERSIZED,
        /** Send a ServerHello for the first offered suite it knows, then a fatal internal_error alert. */
        ALERT_MID_HANDSHAKE
    }

    private static final List<Integer> KNOWN_SUITES = List.of(0xC02F, 0x009C);

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    MisbehavingServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("misbehaving-accept").start(this::acceptLoop);
    }

    TlsTarget target() {
        return new TlsTarget("127.0.0.1", server.getLocalPort());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().name("misbehaving-conn").start(() -> handle(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            switch (behaviour) {
                case CLOSE -> {
                    // try-with-resources closes it
                }
                case STALL -> {
                    readClientHello(in);
                    in.read();
                }
                case TRICKLE -> {
                    readClientHello(in);
                    out.write(new byte[] {0x16, 0x03, 0x03, 0x10, 0x00});
                    while (!socket.isClosed()) {
                        out.write(0x02);
                        out.flush();
                        Thread.sleep(200);
                    }
                }
                case GARBAGE -> out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                case OVERSIZED -> {
                    readClientHello(in);
                    out.write(new byte[] {0x16, 0x03, 0x03, (byte) 0xFF, (byte) 0xFF, 0x02, 0x00});
                }
                case ALERT_MID_HANDSHAKE -> alertMidHandshake(in, out);
                default -> throw new IllegalStateException();
            }
            out.flush();
        } catch (IOException | InterruptedException ignored) {
            // the scanner hung up: fine
        }
    }

    private static void alertMidHandshake(InputStream in, OutputStream out) throws IOException {
        byte[] hello = readClientHello(in);
        int version = ((hello[4] & 0xFF) << 8) | (hello[5] & 0xFF);
        int sessionLength = hello[38] & 0xFF;
        int suitesAt = 39 + sessionLength;
        int suitesLength = ((hello[suitesAt] & 0xFF) << 8) | (hello[suitesAt + 1] & 0xFF);
        int chosen = -1;
        for (int i = 0; i < suitesLength && chosen < 0; i += 2) {
            int suite = ((hello[suitesAt + 2 + i] & 0xFF) << 8) | (hello[suitesAt + 3 + i] & 0xFF);
            if (KNOWN_SUITES.contains(suite)) {
                chosen = suite;
            }
        }
        if (chosen < 0 || version < 0x0301) {
            out.write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 40});
            return;
        }
        byte[] body = HexFormat.of().parseHex(String.format("%04x", version) + "11".repeat(32) + "00"
                + String.format("%04x", chosen) + "00" + "0005ff01000100");
        byte[] record = new byte[9 + body.length];
        record[0] = 0x16;
        record[1] = 0x03;
        record[2] = 0x03;
        record[3] = (byte) ((body.length + 4) >> 8);
        record[4] = (byte) (body.length + 4);
        record[5] = 0x02;
        record[7] = (byte) (body.length >> 8);
        record[8] = (byte) body.length;
        System.arraycopy(body, 0, record, 9, body.length);
        out.write(record);
        out.write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 80});
    }

    /** The ClientHello's handshake message (without the record header). */
    private static byte[] readClientHello(InputStream in) throws IOException {
        byte[] header = in.readNBytes(5);
        int length = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
        return in.readNBytes(length);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
