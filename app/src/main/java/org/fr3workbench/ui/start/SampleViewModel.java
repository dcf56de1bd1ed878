package org.fr3workbench.ui.start;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.fr3workbench.report.sample.SampleAssessment;
import org.fr3workbench.ui.common.Tasks;

/**
 * The first-run sample from the start page: where to put it, running it in the background with progress
 * and cancel, and its result (the verified sample dossier). Plain JavaFX properties; no nodes.
 */
public final class SampleViewModel {

    private final Supplier<SampleAssessment> sample;
    private final Tasks background;
    private final Consumer<Path> open;
    private final StringProperty folder = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<SampleAssessment.Result> result = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private Task<SampleAssessment.Result> task;

    /**
     * @param open opens the finished sample's assessment file in the workbench
     */
    public SampleViewModel(Supplier<SampleAssessment> sample, Tasks background, Path home, Consumer<Path> open) {
        this.sample = sample;
        this.background = background;
        this.open = open;
        folder.set(SampleAssessment.freeFolder(home).toString());
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The finished sample; {@code null} until it is made. */
    public ReadOnlyObjectProperty<SampleAssessment.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the last run failed; {@code null} when it did not. */
    public ObjectProperty<Throwable> failureProperty() {
        return failure;
    }

    /** Whether a sample can be started now (a folder is given and none is running). */
    public boolean canStart() {
        return !running.get() && !folder.get().isBlank();
    }

    /** Makes the sample on a worker; when done, the assessment opens. Returns the task for progress and messages. */
    public Task<SampleAssessment.Result> start() {
        Path target = Path.of(folder.get().strip());
        result.set(null);
        failure.set(null);
        running.set(true);
        task = new Task<>() {
            @Override
            protected SampleAssessment.Result call() throws Exception {
                return sample.get().create(target, (phase, done, total) -> {
                    updateMessage(phase);
                    updateProgress(done, total);
                }, this::isCancelled);
            }
        };
        task.setOnSucceeded(event -> {
            running.set(false);
            result.set(task.getValue());
            open.accept(task.getValue().assessment());
        });
        task.setOnFailed(event -> {
            running.set(false);
            failure.set(task.getException());
        });
        task.setOnCancelled(event -> running.set(false));
        return background.run(task);
    }

    /** Cancels a running sample (its files are removed); returns whether one was running. */
    public boolean cancel() {
        if (task != null && task.isRunning()) {
            task.cancel();
            return true;
        }
        return false;
    }
}
