package org.fr3workbench.ui.export;

import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/** A dialog's progress bar and status line following one background task at a time, with cancel. */
final class TaskProgress {

    private final ProgressBar bar;
    private final Label status;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private Task<?> task;

    TaskProgress(ProgressBar bar, Label status) {
        this.bar = bar;
        this.status = status;
        bar.visibleProperty().bind(running);
    }

    ReadOnlyBooleanProperty running() {
        return running;
    }

    /** Follows {@code task}; the status line ends with the message for its outcome. Call on the FX thread. */
    <T> void follow(Task<T> followed, Function<T, String> done, Function<Throwable, String> failed, String cancelled) {
        task = followed;
        running.set(true);
        bar.progressProperty().bind(followed.progressProperty());
        status.textProperty().bind(followed.messageProperty());
        followed.setOnSucceeded(event -> finish(done.apply(followed.getValue())));
        followed.setOnFailed(event -> finish(failed.apply(followed.getException())));
        followed.setOnCancelled(event -> finish(cancelled));
    }

    /** Cancels the running task; false when none runs. */
    boolean cancel() {
        if (task != null && task.isRunning()) {
            task.cancel();
            return true;
        }
        return false;
    }

    private void finish(String message) {
        running.set(false);
        bar.progressProperty().unbind();
        status.textProperty().unbind();
        status.setText(message);
    }
}
