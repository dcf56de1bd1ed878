package org.fr3workbench.ui.assessment;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.ui.common.DialogService;

/** The new-assessment form; binds to {@link NewAssessmentViewModel}. */
public final class NewAssessmentView {

    private final NewAssessmentViewModel model;
    private final DialogService dialogs;
    private final ResourceBundle strings;

    @FXML
    private TextField productField;
    @FXML
    private TextField firmwareField;
    @FXML
    private ComboBox<ComponentType> typeBox;
    @FXML
    private ComboBox<SecurityLevel> levelBox;
    @FXML
    private TextField assessorField;
    @FXML
    private TextField organizationField;
    @FXML
    private TextField fileField;
    @FXML
    private Button browseButton;
    @FXML
    private Label problemsLabel;

    public NewAssessmentView(NewAssessmentViewModel model, DialogService dialogs, ResourceBundle strings) {
        this.model = model;
        this.dialogs = dialogs;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        productField.textProperty().bindBidirectional(model.productProperty());
        firmwareField.textProperty().bindBidirectional(model.firmwareProperty());
        assessorField.textProperty().bindBidirectional(model.assessorProperty());
        organizationField.textProperty().bindBidirectional(model.organizationProperty());
        fileField.textProperty().bindBidirectional(model.fileProperty());
        typeBox.getItems().setAll(ComponentType.values());
        typeBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ComponentType type) {
                return type == null ? "" : type.name() + " \u2013 " + type.description();
            }

            @Override
            public ComponentType fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        typeBox.valueProperty().bindBidirectional(model.componentTypeProperty());
        levelBox.getItems().setAll(SecurityLevel.values());
        levelBox.valueProperty().bindBidirectional(model.targetLevelProperty());
        problemsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", model.problems()), model.problems()));
        javafx.application.Platform.runLater(productField::requestFocus);
    }

    @FXML
    private void browse() {
        Path current = model.filePath();
        dialogs.chooseFileToSave(strings.getString("new.browse.title"),
                        current.getFileName() == null ? "assessment.fr3" : current.getFileName().toString(),
                        List.of(strings.getString("files.assessment"), "*.fr3"))
                .ifPresent(model::fileChosen);
    }
}
