package org.fr3workbench.ui.capture;

import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/** The toolbar's "Capture" menu: window, region, whole screen, annotate the selected image. */
public final class CaptureMenuView {

    private final CaptureViewModel model;
    private final CaptureActions actions;

    @FXML
    private MenuButton captureMenu;
    @FXML
    private MenuItem windowItem;
    @FXML
    private MenuItem regionItem;
    @FXML
    private MenuItem screenItem;
    @FXML
    private CheckMenuItem annotateAfterItem;
    @FXML
    private MenuItem annotateItem;

    public CaptureMenuView(CaptureViewModel model, CaptureActions actions) {
        this.model = model;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        windowItem.disableProperty().bind(model.canCaptureBinding().not());
        regionItem.disableProperty().bind(model.canCaptureBinding().not());
        screenItem.disableProperty().bind(model.canCaptureBinding().not());
        annotateItem.disableProperty().bind(model.canAnnotateBinding().not());
        annotateAfterItem.selectedProperty().addListener((obs, old, now) -> actions.setAnnotateAfterCapture(now));
    }

    @FXML
    private void captureWindow() {
        actions.captureWindow(captureMenu.getScene());
    }

    @FXML
    private void captureRegion() {
        actions.captureRegion(captureMenu.getScene());
    }

    @FXML
    private void captureScreen() {
        actions.captureScreen(captureMenu.getScene().getWindow());
    }

    @FXML
    private void annotateSelected() {
        actions.annotateSelected(captureMenu.getScene().getWindow());
    }
}
