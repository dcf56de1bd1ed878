package org.fr3workbench.ui.export;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.fr3workbench.App;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.report.AssessmentDossier;
import org.fr3workbench.report.DossierExporter;
import org.fr3workbench.report.ExportOptions;
import org.fr3workbench.report.OscalExport;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.sign.SelfSignedCertificates;
import org.fr3workbench.report.sign.SigningRequest;
import org.fr3workbench.ui.assessment.AssessmentSession;

/**
 * Exporting the open assessment as a dossier: where to, how to sign, and the export itself as a
 * cancellable task with progress. A key password is held only as a {@code char[]} for the export
 * and cleared afterwards; it is never stored.
 */
public final class ExportViewModel {

    /** How the dossier is signed. */
    public enum Signing { NONE, KEY, SELF_SIGNED }

    /** What is written: the signed PDF dossier or an OSCAL assessment-results document. */
    public enum Format { PDF, OSCAL }

    private final AssessmentSession session;
    private final Catalog catalog;
    private final StringProperty output = new SimpleStringProperty("");
    private final ObjectProperty<Signing> signing = new SimpleObjectProperty<>(Signing.SELF_SIGNED);
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.PDF);
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty tsa = new SimpleStringProperty("");
    private final StringProperty location = new SimpleStringProperty("");
    private final BooleanBinding ready;

    public ExportViewModel(AssessmentSession session, Catalog catalog) {
        this.session = session;
        this.catalog = catalog;
        ready = Bindings.createBooleanBinding(() -> format.get() == Format.OSCAL ? output.get().strip().endsWith(".json")
                : output.get().strip().endsWith(".pdf")
                && (signing.get() != Signing.KEY || Files.isRegularFile(Path.of(keyFile.get().strip()))),
                output, signing, keyFile, format);
        format.addListener((obs, old, now) -> {
            String path = output.get().strip();
            output.set(now == Format.OSCAL ? path.replaceFirst("-dossier\\.pdf$|\\.pdf$", "-oscal.json")
                    : path.replaceFirst("-oscal\\.json$", "-dossier.pdf"));
        });
        Path file = session.fileProperty().get();
        if (file != null) {
            String name = file.getFileName().toString().replaceFirst("\\.fr3$", "");
            output.set(file.resolveSibling(name + "-dossier.pdf").toString());
        }
    }

    /**
     * The export as a task: reads the assessment, lays out, embeds, signs. The password array is
     * cleared when the task ends, whatever the outcome.
     */
    public Task<DossierExporter.Result> export(char[] password) {
        Path target = Path.of(output.get().strip());
        if (format.get() == Format.OSCAL) {
            Arrays.fill(password, '\0');
            return oscal(target);
        }
        Signing mode = signing.get();
        Optional<String> tsaUrl = tsa.get().isBlank() ? Optional.empty() : Optional.of(tsa.get().strip());
        String where = location.get();
        AssessmentInfo info = session.infoProperty().get();
        return session.submitTask(store -> new Task<>() {
            @Override
            protected DossierExporter.Result call() throws Exception {
                try {
                    updateMessage("Reading the assessment file");
                    ExportOptions options = ExportOptions.unsigned(Instant.now(), "FR3 Workbench " + App.version())
                            .withAssessmentFile(store.file());
                    Optional<Path> key = key(mode, target, password, info);
                    if (key.isPresent()) {
                        options = options.withSigning(new SigningRequest(key.get(), password.clone(), Optional.empty(),
                                "Assessment dossier issued by the assessor", where, tsaUrl.map(java.net.URI::create)));
                    }
                    return new DossierExporter().export(AssessmentDossier.from(store, catalog), target, options,
                            (phase, done, total) -> {
                                updateMessage(phase);
                                updateProgress(done, Math.max(total, 1));
                            }, this::isCancelled);
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
        });
    }

    /** The OSCAL export as a task: written beside the target and moved into place. */
    private Task<DossierExporter.Result> oscal(Path target) {
        return session.submitTask(store -> new Task<>() {
            @Override
            protected DossierExporter.Result call() throws Exception {
                updateMessage("Reading the assessment file");
                DossierInput input = AssessmentDossier.from(store, catalog);
                Path part = Files.createTempFile(target.toAbsolutePath().getParent(), ".fr3-oscal-", ".json.part");
                try {
                    try (OutputStream out = Files.newOutputStream(part)) {
                        OscalExport.write(input, Instant.now(), "FR3 Workbench " + App.version(), out);
                    }
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
                updateProgress(1, 1);
                return new DossierExporter.Result(target, 0, input.evidence().size(), false, "");
            }
        });
    }

    private Optional<Path> key(Signing mode, Path target, char[] password, AssessmentInfo info) throws java.io.IOException {
        return switch (mode) {
            case NONE -> Optional.empty();
            case KEY -> Optional.of(Path.of(keyFile.get().strip()));
            case SELF_SIGNED -> {
                Path p12 = target.resolveSibling(target.getFileName().toString().replaceFirst("\\.pdf$", "") + "-self-signed.p12");
                new SelfSignedCertificates().create(p12, password, info.assessor(), info.organization(), Duration.ofDays(3 * 365),
                        3072);
                yield Optional.of(p12);
            }
        };
    }

    public StringProperty outputProperty() {
        return output;
    }

    public ObjectProperty<Format> formatProperty() {
        return format;
    }

    public ObjectProperty<Signing> signingProperty() {
        return signing;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty tsaProperty() {
        return tsa;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public BooleanBinding readyProperty() {
        return ready;
    }

}
