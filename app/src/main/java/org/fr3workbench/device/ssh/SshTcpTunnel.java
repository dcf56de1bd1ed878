package org.fr3workbench.device.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import org.fr3workbench.device.TcpTunnel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP through the device's SSH session: each {@link #open} first opens a {@code direct-tcpip} channel to
 * {@code host:port} (so a closed port on the device fails right there, as a refused connection would), then
 * hands out a loopback socket pair whose far end is relayed to the channel by two virtual threads. The
 * local listener is bound to 127.0.0.1 only and accepts exactly the socket this tunnel just connected
 * (matched by port); anything else that connects to it is closed at once.
 *
 * <p>Closing the returned socket closes the channel before {@code close()} returns, so a caller that limits
 * its open sockets limits the device's channels just as well.
 */
final class SshTcpTunnel implements TcpTunnel {

    private static final Logger LOG = LoggerFactory.getLogger(SshTcpTunnel.class);
    private static final int BUFFER = 16 * 1024;
    private static final int MAX_STRANGERS = 16;

    private final SSHClient client;
    private final String description;
    private final ServerSocket listener;
    private final Object acceptLock = new Object();
    private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    SshTcpTunnel(SSHClient client, String description) throws IOException {
        this.client = client;
        this.description = description;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @Override
    public Socket open(String host, int port, int connectTimeoutMillis) throws IOException {
        if (listener.isClosed()) {
            throw new IOException("the tunnel through " + description + " is closed");
        }
        DirectConnection channel;
        try {
            channel = client.newDirectConnection(host, port);
        } catch (OpenFailException e) {
            throw new IOException("the device refused to connect to " + host + ":" + port + " (" + e.getReason() + ": "
                    + e.getMessage() + ", through " + description + ")", e);
        }
        Relay relay = new Relay(channel);
        try {
            RelayedSocket local = new RelayedSocket(relay);
            Socket far = connectPair(local, connectTimeoutMillis);
            relay.start(far, local);
            return local;
        } catch (IOException | RuntimeException e) {
            relay.close();
            throw e;
        }
    }

    /** Connects {@code local} to the listener and returns the accepted end that belongs to it. */
    private Socket connectPair(Socket local, int timeoutMillis) throws IOException {
        synchronized (acceptLock) {
            local.setTcpNoDelay(true);
            local.connect(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()), timeoutMillis);
            listener.setSoTimeout(Math.max(1, timeoutMillis));
            for (int strangers = 0; strangers <= MAX_STRANGERS; strangers++) {
                Socket accepted;
                try {
                    accepted = listener.accept();
                } catch (SocketTimeoutException e) {
                    throw new IOException("the tunnel's local end did not accept within " + timeoutMillis + " ms", e);
                }
                if (accepted.getPort() == local.getLocalPort()) {
                    accepted.setTcpNoDelay(true);
                    return accepted;
                }
                LOG.warn("Closed a foreign connection from port {} to the tunnel's local end", accepted.getPort());
                accepted.close();
            }
            throw new IOException("too many foreign connections to the tunnel's local end on port " + listener.getLocalPort());
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int openConnections() {
        return open.get();
    }

    @Override
    public int peakConnections() {
        return peak.get();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("Closing the tunnel's listener failed", e);
        }
        relays.forEach(Relay::close);
    }

    /** One channel and the far end of its socket pair; closes both once. */
    private final class Relay {
        private final DirectConnection channel;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Socket far;

        Relay(DirectConnection channel) {
            this.channel = channel;
            relays.add(this);
            peak.accumulateAndGet(open.incrementAndGet(), Math::max);
        }

        void start(Socket farEnd, Socket local) throws IOException {
            this.far = farEnd;
            InputStream fromDevice = channel.getInputStream();
            OutputStream toDevice = channel.getOutputStream();
            InputStream fromLocal = farEnd.getInputStream();
            OutputStream toLocal = farEnd.getOutputStream();
            String name = "tunnel-" + local.getLocalPort();
            Thread.ofVirtual().name(name + "-up").start(() -> {
                pump(fromLocal, toDevice);
                close();
            });
            Thread.ofVirtual().name(name + "-down").start(() -> {
                pump(fromDevice, toLocal);
                try {
                    // The device's end finished: let the reader see the end of the stream after the last byte.
                    farEnd.shutdownOutput();
                } catch (IOException e) {
                    close();
                }
            });
        }

        private static void pump(InputStream in, OutputStream out) {
            byte[] buffer = new byte[BUFFER];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                LOG.debug("Tunnel relay ended: {}", e.getMessage());
            }
        }

        /** Synchronized: a second caller returns only once the channel is closed, so the bound on open channels holds. */
        synchronized void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                Socket current = far;
                if (current != null) {
                    current.close();
                }
            } catch (IOException e) {
                LOG.debug("Closing the tunnel's far end failed", e);
            }
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing a direct-tcpip channel failed: {}", e.getMessage());
            } finally {
                relays.remove(this);
                open.decrementAndGet();
            }
        }
    }

    /** The socket handed out: closing it closes its channel too, before returning. */
    private static final class RelayedSocket extends Socket {
        private final Relay relay;

        RelayedSocket(Relay relay) {
            this.relay = relay;
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                super.close();
            } finally {
                relay.close();
            }
        }
    }
}
