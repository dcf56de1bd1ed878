package org.fr3workbench.ui.main;

import java.text.MessageFormat;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.InvalidationListener;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.ui.assessment.AssessmentActions;
import org.fr3workbench.ui.assessment.AssessmentSession;
import org.fr3workbench.ui.assessment.IntegrityStatus;
import org.fr3workbench.ui.common.DialogService;
import org.fr3workbench.ui.common.Theme;
import org.fr3workbench.ui.connect.ConnectActions;
import org.fr3workbench.ui.requirements.RequirementsViewModel;

/**
 * The main window: toolbar (new, open, the open assessment, its integrity), the requirements
 * navigator, the start area or requirement detail, and a status bar with progress and SL-C.
 */
public final class MainView {

    /**
     * The content of the requirement tabs, built after the window's first frame (or when a requirement is shown before):
     * the start page needs neither, and leaving them out of the first scene shortens the start (docs/benchmarks.md).
     *
     * @param overview the requirement detail with verdict and evidence
     * @param steps    the step runner
     */
    public record RequirementPages(java.util.function.Supplier<Node> overview, java.util.function.Supplier<Node> steps) {
    }

    private final RequirementsViewModel requirements;
    private final AssessmentSession session;
    private final AssessmentActions actions;
    private final ConnectActions connect;
    private final DialogService dialogs;
    private final Theme theme;
    private final Catalog catalog;
    private final ResourceBundle strings;
    private final Runnable openTlsScan;
    private RequirementPages pages;

    @FXML
    private Button homeButton;
    @FXML
    private javafx.scene.control.CheckMenuItem darkThemeItem;
    @FXML
    private Node start;
    @FXML
    private Label assessmentLabel;
    @FXML
    private Label readOnlyLabel;
    @FXML
    private Button integrityButton;
    @FXML
    private javafx.scene.control.MenuItem exportButton;
    @FXML
    private Button connectButton;
    @FXML
    private Label statusLabel;
    @FXML
    private javafx.scene.control.TabPane requirementTabs;
    @FXML
    private javafx.scene.control.Tab overviewTab;
    @FXML
    private javafx.scene.control.Tab stepsTab;
    @FXML
    private Label catalogLabel;

    public MainView(RequirementsViewModel requirements, AssessmentSession session, AssessmentActions actions,
                    ConnectActions connect, DialogService dialogs, Theme theme, Catalog catalog, ResourceBundle strings,
                    Runnable openTlsScan, RequirementPages pages) {
        this.requirements = requirements;
        this.session = session;
        this.actions = actions;
        this.connect = connect;
        this.dialogs = dialogs;
        this.theme = theme;
        this.catalog = catalog;
        this.strings = strings;
        this.openTlsScan = openTlsScan;
        this.pages = pages;
    }

    @FXML
    private void initialize() {
        darkThemeItem.selectedProperty().bindBidirectional(theme.darkProperty());
        start.visibleProperty().bind(requirements.selectedProperty().isNull());
        requirementTabs.visibleProperty().bind(requirements.selectedProperty().isNotNull());
        requirements.selectedProperty().subscribe(shown -> {
            if (shown != null) {
                buildRequirementPages();
            }
        });
        homeButton.disableProperty().bind(requirements.selectedProperty().isNull());
        catalogLabel.setText(MessageFormat.format(strings.getString("main.catalog"), catalog.version(),
                catalog.requirements().size()));
        readOnlyLabel.visibleProperty().bind(session.readOnlyProperty());
        readOnlyLabel.managedProperty().bind(session.readOnlyProperty());
        readOnlyLabel.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new Tooltip(session.readOnlyReasonProperty().get()), session.readOnlyReasonProperty()));
        integrityButton.visibleProperty().bind(session.infoProperty().isNotNull());
        exportButton.disableProperty().bind(session.infoProperty().isNull());
        connectButton.disableProperty().bind(session.infoProperty().isNull());
        InvalidationListener refresh = obs -> refresh();
        session.infoProperty().addListener(refresh);
        session.integrityProperty().addListener(refresh);
        session.verdicts().addListener((MapChangeListener<String, Verdict>) change -> refresh());
        refresh();
    }

    /**
     * Builds the requirement pages unless done: called once the window's first frame is painted, and when a requirement
     * is shown before that.
     */
    public void buildRequirementPages() {
        if (pages == null) {
            return;
        }
        RequirementPages building = pages;
        pages = null;
        overviewTab.setContent(building.overview().get());
        stepsTab.setContent(building.steps().get());
    }

    private void refresh() {
        AssessmentInfo info = session.infoProperty().get();
        if (info == null) {
            assessmentLabel.setText(strings.getString("main.noAssessment"));
            statusLabel.setText(strings.getString("main.status.ready"));
            return;
        }
        assessmentLabel.setText(MessageFormat.format(strings.getString("main.assessment"), info.product(),
                info.firmwareVersion().isBlank() ? "" : " " + info.firmwareVersion(), info.componentType().name(),
                info.targetLevel().number()));
        Map<String, Verdict> verdicts = session.verdictSnapshot();
        long required = catalog.requiredFor(info.componentType(), info.targetLevel()).size();
        long decided = catalog.requiredFor(info.componentType(), info.targetLevel()).stream()
                .filter(r -> verdicts.containsKey(r.id()) && verdicts.get(r.id()).decision()
                        != org.fr3workbench.domain.VerdictDecision.NOT_ASSESSED)
                .count();
        statusLabel.setText(MessageFormat.format(strings.getString("main.status.progress"), decided, required,
                info.targetLevel().number(), session.fileProperty().get()));
        IntegrityStatus integrity = session.integrityProperty().get();
        integrityButton.getStyleClass().removeIf(c -> c.startsWith("integrity-state-"));
        integrityButton.getStyleClass().add("integrity-state-" + integrity.state().name().toLowerCase(java.util.Locale.ROOT));
        integrityButton.setText(strings.getString("main.integrity." + integrity.state().name().toLowerCase(java.util.Locale.ROOT)));
        integrityButton.setTooltip(new Tooltip(integrity.message().isBlank()
                ? strings.getString("main.integrity.tooltip") : integrity.message()));
    }

    @FXML
    private void showHome() {
        requirements.selectedProperty().set(null);
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
    private void connectDevice() {
        connect.connect();
    }

    @FXML
    private void exportDossier() {
        actions.exportDossier();
    }

    @FXML
    private void openTlsScan() {
        openTlsScan.run();
    }

    @FXML
    private void verifyDossier() {
        actions.verifyDossier();
    }

    @FXML
    private void timestampDossier() {
        actions.timestampDossier();
    }

    @FXML
    private void verify() {
        if (session.isOpen()) {
            session.verify(error -> dialogs.showError(strings.getString("main.integrity.failed"), error.getMessage()));
        }
    }
}
