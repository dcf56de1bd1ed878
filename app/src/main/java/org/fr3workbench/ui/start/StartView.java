package org.fr3workbench.ui.start;

import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.fr3workbench.ui.assessment.AssessmentActions;

/** The start area: the sample assessment for a first run, new assessment, open assessment, recent files. */
public final class StartView {

    private final AssessmentActions actions;
    private final SampleDialog sample;
    private final ResourceBundle strings;

    @FXML
    private Button newButton;
    @FXML
    private Button openButton;
    @FXML
    private Button sampleButton;
    @FXML
    private ListView<Path> recentList;

    public StartView(AssessmentActions actions, SampleDialog sample, ResourceBundle strings) {
        this.actions = actions;
        this.sample = sample;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        recentList.setItems(actions.recent().files());
        recentList.setPlaceholder(new Label(strings.getString("start.recent.none")));
        recentList.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName() + "   \u2014   " + item.getParent());
            }
        });
        recentList.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                openSelected();
            }
        });
        recentList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
    }

    private void openSelected() {
        Path selected = recentList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            actions.open(selected);
        }
    }

    @FXML
    private void newAssessment() {
        actions.newAssessment();
    }

    @FXML
    private void openAssessment() {
        actions.openChooser();
    }

    @FXML
    private void trySample() {
        sample.show();
    }
}
