package org.fr3workbench.probe.tls;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.IntPredicate;

/**
 * One connection: send a ClientHello, read the answer up to the ServerHello (TLS 1.3 and cipher probes) or
 * the whole first flight up to ServerHelloDone (certificate, key exchange), then close. Every read is bound
 * by a deadline, so a stalling or trickling server cannot hold a probe longer than the read timeout.
 */
final class HandshakeProbe {

    /** How much of the server's flight to read. */
    enum Depth { HELLO, FLIGHT }

    private final ScanContext context;
    private final ClientHelloWriter writer;
    private final IntPredicate ecdheSuite;

    HandshakeProbe(ScanContext context, ClientHelloWriter writer, IntPredicate ecdheSuite) {
        this.context = context;
        this.writer = writer;
        this.ecdheSuite = ecdheSuite;
    }

    ProbeOutcome run(ClientHelloSpec spec, Depth depth) throws InterruptedException {
        Socket socket;
        try {
            socket = context.open();
        } catch (IOException e) {
            return new ProbeOutcome.Failed(ProbeOutcome.Kind.CONNECT, context.unreachable() != null ? context.unreachable()
                    : "cannot connect to " + context.target() + ": " + e.getMessage());
        }
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(writer.write(spec));
            out.flush();
            long deadline = System.nanoTime() + context.options().readTimeoutMillis() * 1_000_000L;
            return read(new DeadlineInputStream(socket, deadline), depth);
        } catch (SocketTimeoutException e) {
            return new ProbeOutcome.Failed(ProbeOutcome.Kind.TIMEOUT, "no complete answer within "
                    + context.options().readTimeoutMillis() + " ms");
        } catch (IOException e) {
            return new ProbeOutcome.Failed(ProbeOutcome.Kind.IO, "connection failed: " + e.getMessage());
        } finally {
            context.release();
        }
    }

    /** Reads records until the wanted part of the flight is in; package-private for the fuzz tests. */
    ProbeOutcome read(InputStream in, Depth depth) throws IOException {
        return readResponse(in, depth, ecdheSuite);
    }

    static ProbeOutcome readResponse(InputStream in, Depth depth, IntPredicate ecdheSuite) throws IOException {
        RecordReader records = new RecordReader(in);
        HandshakeParser parser = new HandshakeParser(ecdheSuite);
        try {
            while (true) {
                TlsRecord record = records.next();
                if (record == null) {
                    return parser.serverHello() == null ? new ProbeOutcome.Refused(-1)
                            : answered(parser, "the server closed the connection before ServerHelloDone");
                }
                switch (record.type()) {
                    case TlsRecord.ALERT -> {
                        int description = record.payload().length >= 2 ? record.payload()[1] & 0xFF : -1;
                        if (parser.serverHello() == null) {
                            return new ProbeOutcome.Refused(description);
                        }
                        return answered(parser, "the server sent alert " + TlsNames.alert(description) + " after ServerHello");
                    }
                    case TlsRecord.HANDSHAKE -> parser.add(record.payload());
                    case TlsRecord.CHANGE_CIPHER_SPEC -> {
                        // TLS 1.3 middlebox compatibility record; nothing to read in it.
                    }
                    default -> {
                        if (parser.serverHello() == null) {
                            throw new TlsProtocolException(TlsProtocolException.Kind.MALFORMED,
                                    "record of type " + record.type() + " before ServerHello");
                        }
                        return answered(parser, "unexpected record of type " + record.type() + " in the handshake");
                    }
                }
                ServerHello hello = parser.serverHello();
                if (hello != null && (depth == Depth.HELLO || hello.helloRetryRequest()
                        || hello.version() == TlsVersion.TLS_1_3.wire() || parser.done())) {
                    return answered(parser, null);
                }
            }
        } catch (TlsProtocolException e) {
            if (parser.serverHello() != null) {
                return answered(parser, e.getMessage());
            }
            ProbeOutcome.Kind kind = switch (e.kind()) {
                case NOT_TLS -> ProbeOutcome.Kind.NOT_TLS;
                case OVERSIZED -> ProbeOutcome.Kind.OVERSIZED;
                case MALFORMED -> ProbeOutcome.Kind.MALFORMED;
            };
            return new ProbeOutcome.Failed(kind, e.getMessage());
        } catch (EOFException e) {
            return parser.serverHello() != null ? answered(parser, e.getMessage())
                    : new ProbeOutcome.Failed(ProbeOutcome.Kind.MALFORMED, e.getMessage());
        }
    }

    private static ProbeOutcome answered(HandshakeParser parser, String problem) {
        return new ProbeOutcome.Answered(parser.serverHello(), parser.certificates(), parser.keyExchange(), problem);
    }

    /** An input stream that gives up at a fixed deadline, however slowly the peer trickles bytes. */
    private static final class DeadlineInputStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineInputStream(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000L;
            if (remainingMillis <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
            return in.read(buffer, offset, length);
        }
    }
}
