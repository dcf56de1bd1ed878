package org.fr3workbench.probe.tls;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every probe of one scan shares: the target, the connection factory, the limit on parallel
 * connections, the connection counter, cancellation and progress.
 */
final class ScanContext {

    private final TlsTarget target;
    private final TlsScanOptions options;
    private final ConnectionFactory connections;
    private final TlsScanListener listener;
    private final TlsScanCancellation cancellation;
    private final Semaphore slots;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicReference<String> unreachable = new AtomicReference<>();

    ScanContext(TlsTarget target, TlsScanOptions options, ConnectionFactory connections, TlsScanListener listener,
                TlsScanCancellation cancellation) {
        this.target = target;
        this.options = options;
        this.connections = connections;
        this.listener = listener;
        this.cancellation = cancellation;
        this.slots = new Semaphore(options.parallel(), true);
    }

    TlsTarget target() {
        return target;
    }

    TlsScanOptions options() {
        return options;
    }

    int connections() {
        return opened.get();
    }

    /** Why the target cannot be reached, once a connection attempt failed; null while it can. */
    String unreachable() {
        return unreachable.get();
    }

    void progress(String step) {
        listener.progress(step, opened.get());
    }

    void checkCancelled() {
        if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("TLS scan of " + target + " cancelled");
        }
    }

    /** Waits for a free slot, then opens a connection; release the slot with {@link #release()}. */
    Socket open() throws IOException, InterruptedException {
        checkCancelled();
        String known = unreachable.get();
        if (known != null) {
            throw new IOException(known);
        }
        slots.acquire();
        try {
            checkCancelled();
            opened.incrementAndGet();
            return connections.open(target.host(), target.port(), options.connectTimeoutMillis());
        } catch (IOException | RuntimeException e) {
            slots.release();
            if (e instanceof IOException io) {
                unreachable.compareAndSet(null, "cannot connect to " + target + ": " + describe(io));
            }
            throw e;
        }
    }

    void release() {
        slots.release();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + message;
        }
        return message == null ? kind : message;
    }
}
