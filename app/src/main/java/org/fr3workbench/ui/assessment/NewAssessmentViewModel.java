package org.fr3workbench.ui.assessment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.SecurityLevel;

/** The new-assessment form: fields, validation in words, and the result. No nodes. */
public final class NewAssessmentViewModel {

    private final ResourceBundle strings;
    private final String catalogVersion;
    private final StringProperty product = new SimpleStringProperty("");
    private final StringProperty firmware = new SimpleStringProperty("");
    private final ObjectProperty<ComponentType> componentType = new SimpleObjectProperty<>(ComponentType.EDR);
    private final ObjectProperty<SecurityLevel> targetLevel = new SimpleObjectProperty<>(SecurityLevel.SL2);
    private final StringProperty assessor = new SimpleStringProperty(System.getProperty("user.name", ""));
    private final StringProperty organization = new SimpleStringProperty("");
    private final StringProperty file = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a view that is dropped would be lost with it. */
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final BooleanBinding valid = Bindings.isEmpty(problems);
    private boolean fileEdited;

    public NewAssessmentViewModel(ResourceBundle strings, String catalogVersion, Path defaultFolder) {
        this.strings = strings;
        this.catalogVersion = catalogVersion;
        product.addListener((obs, old, now) -> {
            if (!fileEdited) {
                file.set(defaultFolder.resolve(fileName(now)).toString());
            }
            validate();
        });
        file.addListener((obs, old, now) -> validate());
        assessor.addListener((obs, old, now) -> validate());
        componentType.addListener((obs, old, now) -> validate());
        targetLevel.addListener((obs, old, now) -> validate());
        file.set(defaultFolder.resolve(fileName("")).toString());
        validate();
    }

    /** Marks the file path as chosen by the user, so that the product name no longer changes it. */
    public void fileChosen(Path chosen) {
        fileEdited = true;
        file.set(chosen.toString().endsWith(".fr3") ? chosen.toString() : chosen + ".fr3");
    }

    static String fileName(String productName) {
        String base = productName == null ? "" : productName.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return (base.isEmpty() ? "assessment" : base) + ".fr3";
    }

    private void validate() {
        List<String> found = new ArrayList<>();
        if (product.get().isBlank()) {
            found.add(strings.getString("new.problem.product"));
        }
        if (assessor.get().isBlank()) {
            found.add(strings.getString("new.problem.assessor"));
        }
        if (componentType.get() == null) {
            found.add(strings.getString("new.problem.type"));
        }
        if (targetLevel.get() == null) {
            found.add(strings.getString("new.problem.level"));
        }
        String path = file.get().strip();
        if (path.isEmpty() || !path.endsWith(".fr3")) {
            found.add(strings.getString("new.problem.file"));
        } else {
            Path target = Path.of(path);
            if (Files.exists(target)) {
                found.add(strings.getString("new.problem.exists"));
            } else if (target.toAbsolutePath().getParent() == null || !Files.isDirectory(target.toAbsolutePath().getParent())) {
                found.add(strings.getString("new.problem.folder"));
            }
        }
        problems.setAll(found);
    }

    /** The assessment to create, when the form is valid. */
    public Optional<AssessmentInfo> result() {
        validate();
        if (!valid.get()) {
            return Optional.empty();
        }
        return Optional.of(AssessmentInfo.of(product.get(), componentType.get(), targetLevel.get(), assessor.get(), catalogVersion)
                .withFirmwareVersion(firmware.get())
                .withOrganization(organization.get())
                .withDates(Optional.of(java.time.LocalDate.now()), Optional.empty()));
    }

    public Path filePath() {
        return Path.of(file.get().strip());
    }

    public StringProperty productProperty() {
        return product;
    }

    public StringProperty firmwareProperty() {
        return firmware;
    }

    public ObjectProperty<ComponentType> componentTypeProperty() {
        return componentType;
    }

    public ObjectProperty<SecurityLevel> targetLevelProperty() {
        return targetLevel;
    }

    public StringProperty assessorProperty() {
        return assessor;
    }

    public StringProperty organizationProperty() {
        return organization;
    }

    public StringProperty fileProperty() {
        return file;
    }

    /** What is wrong with the form, in words; empty when it can be created. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
