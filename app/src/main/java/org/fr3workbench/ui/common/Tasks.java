package org.fr3workbench.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * The one way the GUI runs blocking work: on the injected executor, with the result (or the error)
 * delivered on the FX thread. Tests pass a same-thread executor.
 */
public final class Tasks {

    private final Executor executor;

    public Tasks(Executor executor) {
        this.executor = executor;
    }

    /** Starts building a task from blocking work. */
    public <T> Builder<T> create(Callable<T> work) {
        return new Builder<>(work);
    }

    /** Fluent set-up of one background task. */
    public final class Builder<T> {
        private final Callable<T> work;
        private Consumer<T> onSuccess = result -> { };
        private Consumer<Throwable> onError = error -> { };
        private Runnable onFinished = () -> { };

        private Builder(Callable<T> work) {
            this.work = work;
        }

        public Builder<T> onSuccess(Consumer<T> handler) {
            this.onSuccess = handler;
            return this;
        }

        public Builder<T> onError(Consumer<Throwable> handler) {
            this.onError = handler;
            return this;
        }

        public Builder<T> andFinally(Runnable handler) {
            this.onFinished = handler;
            return this;
        }

        /** Runs the work; the handlers run on the FX thread. Returns the task for progress and cancel. */
        public Task<T> run() {
            Task<T> task = new Task<>() {
                @Override
                protected T call() throws Exception {
                    return work.call();
                }
            };
            task.setOnSucceeded(event -> {
                onFinished.run();
                onSuccess.accept(task.getValue());
            });
            task.setOnFailed(event -> {
                onFinished.run();
                onError.accept(task.getException());
            });
            task.setOnCancelled(event -> onFinished.run());
            executor.execute(task);
            return task;
        }
    }

    /** Runs a task of one's own (with progress and messages) on the executor. */
    public <T> Task<T> run(Task<T> task) {
        executor.execute(task);
        return task;
    }

    /** Runs an action on the FX thread, now if already there. */
    public static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
