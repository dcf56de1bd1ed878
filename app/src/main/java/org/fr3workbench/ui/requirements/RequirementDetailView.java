package org.fr3workbench.ui.requirements;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.Requirement;

/** Shows the selected requirement: title, level, component types, CIP position, integrator action, planned steps. */
public final class RequirementDetailView {

    private final RequirementsViewModel model;
    private final ResourceBundle strings;

    @FXML
    private ScrollPane detailRoot;
    @FXML
    private VBox root;
    @FXML
    private Label idLabel;
    @FXML
    private Label titleLabel;
    @FXML
    private FlowPane chips;
    @FXML
    private Label positionBadge;
    @FXML
    private Label coverageLabel;
    @FXML
    private Label reasonLabel;
    @FXML
    private Label integratorLabel;
    @FXML
    private VBox noteBox;
    @FXML
    private Label noteLabel;
    @FXML
    private Label stepsHeading;
    @FXML
    private VBox steps;
    @FXML
    private VBox assessmentBox;

    private final javafx.beans.value.ObservableBooleanValue assessmentOpen;

    public RequirementDetailView(RequirementsViewModel model, javafx.beans.value.ObservableBooleanValue assessmentOpen,
                                 ResourceBundle strings) {
        this.model = model;
        this.assessmentOpen = assessmentOpen;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        noteBox.managedProperty().bind(noteBox.visibleProperty());
        stepsHeading.managedProperty().bind(stepsHeading.visibleProperty());
        assessmentBox.visibleProperty().bind(assessmentOpen);
        assessmentBox.managedProperty().bind(assessmentOpen);
        model.selectedProperty().addListener((obs, old, now) -> show(now));
        show(model.selectedProperty().get());
    }

    private void show(Requirement requirement) {
        detailRoot.setVisible(requirement != null);
        if (requirement == null) {
            return;
        }
        detailRoot.setVvalue(0);
        idLabel.setText(requirement.id());
        titleLabel.setText(requirement.title());
        chips.getChildren().setAll(
                chip(requirement.minLevel()
                        .map(level -> MessageFormat.format(strings.getString("detail.level"), level.number()))
                        .orElse(strings.getString("detail.level.componentSpecific")), "chip-level"),
                chip(requirement.componentTypes().stream().map(Enum::name).collect(Collectors.joining(" \u00b7 ")), "chip-types"),
                chip(requirement.isEnhancement() ? strings.getString("detail.kind.enhancement")
                        : strings.getString("detail.kind.requirement"), "chip-kind"));
        String position = requirement.cipPosition().name().toLowerCase(Locale.ROOT);
        positionBadge.setText(strings.getString("cip.position." + position));
        positionBadge.getStyleClass().removeIf(c -> c.startsWith("badge-"));
        positionBadge.getStyleClass().add("badge-" + position);
        coverageLabel.setText(strings.getString("cip.position." + position + ".hint"));
        reasonLabel.setText(requirement.cipReason());
        integratorLabel.setText(requirement.integratorAction());
        noteBox.setVisible(!requirement.note().isEmpty());
        noteLabel.setText(requirement.note());
        stepsHeading.setVisible(!requirement.steps().isEmpty());
        steps.getChildren().setAll(requirement.steps().stream().map(this::stepRow).toList());
    }

    private HBox stepRow(PlannedStep step) {
        Label kind = new Label(strings.getString("step.kind." + step.kind().name().toLowerCase(Locale.ROOT)));
        kind.getStyleClass().addAll("step-kind", "step-kind-" + step.kind().name().toLowerCase(Locale.ROOT));
        kind.setPrefWidth(92);
        Label title = new Label(step.title());
        title.setWrapText(true);
        title.getStyleClass().add("step-title");
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        Label where = new Label(strings.getString("step.where." + step.location().name().toLowerCase(Locale.ROOT)));
        where.getStyleClass().add("step-where");
        HBox row = new HBox(10, kind, title);
        if (!step.cipTestCase().isEmpty()) {
            Label tc = new Label(step.cipTestCase());
            tc.getStyleClass().add("step-tc");
            row.getChildren().add(tc);
        }
        if (step.intrusive()) {
            Label intrusive = new Label(strings.getString("step.intrusive"));
            intrusive.getStyleClass().add("step-intrusive");
            row.getChildren().add(intrusive);
        }
        row.getChildren().add(where);
        // Tags keep their full text; the title wraps instead.
        row.getChildren().stream().filter(node -> node != title)
                .forEach(node -> ((Label) node).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        row.getStyleClass().add("step-row");
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static Label chip(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().addAll("chip", styleClass);
        return label;
    }
}
