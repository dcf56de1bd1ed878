package org.fr3workbench.ui.export;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.fr3workbench.report.DossierTimeStamping;

/**
 * "Add document time-stamp" to a signed dossier: which dossier, which time-stamp server, and the
 * work (verify, time-stamp, verify) as a cancellable background task with progress.
 */
public final class TimestampViewModel {

    private final DossierTimeStamping stamping;
    private final StringProperty dossier = new SimpleStringProperty("");
    private final StringProperty tsa = new SimpleStringProperty("");
    private final BooleanBinding ready;

    public TimestampViewModel(DossierTimeStamping stamping, Path suggested) {
        this.stamping = stamping;
        if (suggested != null) {
            dossier.set(suggested.toString());
        }
        ready = Bindings.createBooleanBinding(() -> Files.isRegularFile(Path.of(dossier.get().strip()))
                && tsa.get().strip().matches("(?i)https?://\\S+"), dossier, tsa);
    }

    /** The time-stamping as a task; the dossier is replaced only when the time-stamped file verifies. */
    public Task<DossierTimeStamping.Outcome> task() {
        Path file = Path.of(dossier.get().strip());
        URI server = URI.create(tsa.get().strip());
        return new Task<>() {
            @Override
            protected DossierTimeStamping.Outcome call() throws Exception {
                return stamping.add(file, file, server, (phase, done, total) -> {
                    updateMessage(phase);
                    updateProgress(done, Math.max(total, 1));
                }, this::isCancelled);
            }
        };
    }

    public StringProperty dossierProperty() {
        return dossier;
    }

    public StringProperty tsaProperty() {
        return tsa;
    }

    public BooleanBinding readyProperty() {
        return ready;
    }
}
