package org.fr3workbench.ui.start;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/**
 * The start area: new assessment, open assessment, recent files. Creating and opening assessment
 * files arrives with the assessment-file feature; until then the buttons are disabled and say so.
 */
public final class StartView {

    @FXML
    private Button newButton;
    @FXML
    private Button openButton;
    @FXML
    private Label pendingLabel;
    @FXML
    private ListView<String> recentList;

    @FXML
    private void initialize() {
        newButton.setDisable(true);
        openButton.setDisable(true);
        recentList.setPlaceholder(new Label(recentList.getScene() == null ? "" : ""));
    }

    @FXML
    private void newAssessment() {
        // Wired to the assessment file (store) when it lands.
    }

    @FXML
    private void openAssessment() {
        // Wired to the assessment file (store) when it lands.
    }
}
