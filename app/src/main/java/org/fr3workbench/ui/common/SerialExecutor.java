package org.fr3workbench.ui.common;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on an underlying executor: the assessment file
 * has one database connection, so its work is never run concurrently.
 */
public final class SerialExecutor implements Executor {

    private final Executor delegate;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(task);
        if (!running) {
            running = true;
            delegate.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            next.run();
        }
    }
}
