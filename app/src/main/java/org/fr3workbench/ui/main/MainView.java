package org.fr3workbench.ui.main;

import atlantafx.base.controls.ToggleSwitch;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.ui.common.Theme;
import org.fr3workbench.ui.requirements.RequirementsViewModel;

/** The main window: toolbar, requirements navigator on the left, start area or requirement detail on the right. */
public final class MainView {

    private final RequirementsViewModel requirements;
    private final Theme theme;
    private final Catalog catalog;
    private final ResourceBundle strings;

    @FXML
    private Button homeButton;
    @FXML
    private ToggleSwitch darkSwitch;
    @FXML
    private Node start;
    @FXML
    private Label statusLabel;
    @FXML
    private Label catalogLabel;

    public MainView(RequirementsViewModel requirements, Theme theme, Catalog catalog, ResourceBundle strings) {
        this.requirements = requirements;
        this.theme = theme;
        this.catalog = catalog;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        darkSwitch.selectedProperty().bindBidirectional(theme.darkProperty());
        start.visibleProperty().bind(requirements.selectedProperty().isNull());
        homeButton.disableProperty().bind(requirements.selectedProperty().isNull());
        catalogLabel.setText(MessageFormat.format(strings.getString("main.catalog"), catalog.version(),
                catalog.requirements().size()));
        statusLabel.setText(strings.getString("main.status.ready"));
    }

    @FXML
    private void showHome() {
        requirements.selectedProperty().set(null);
    }
}
