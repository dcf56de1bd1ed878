package org.fr3workbench.device;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancel flag that long-running device work polls and reacts to. The UI or CLI calls {@link #cancel()}
 * from any thread; the work registers what to do (close a channel, kill a process) with {@link #onCancel}.
 */
public final class Cancellation {

    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    /** A fresh, not yet cancelled token. */
    public static Cancellation create() {
        return new Cancellation();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable callback : callbacks) {
            callback.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs {@code callback} on cancellation (at once if already cancelled) until the returned handle is closed.
     */
    public Registration onCancel(Runnable callback) {
        callbacks.add(callback);
        if (cancelled) {
            callback.run();
        }
        return () -> callbacks.remove(callback);
    }

    /** Throws {@link CancelledException} when cancelled. */
    public void throwIfCancelled() throws CancelledException {
        if (cancelled) {
            throw new CancelledException("cancelled");
        }
    }

    /** Undoes an {@link #onCancel} registration. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
