package org.fr3workbench.ui.steps;

import atlantafx.base.controls.Popover;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fr3workbench.engine.SecurityLevelCapability;

/**
 * SL-C(FR 3) in the status bar; a click shows what blocks the next level (each entry a link to the requirement).
 * Binds to {@link CapabilityViewModel}.
 */
public final class CapabilityView {

    private static final int MAX_LISTED = 24;

    private final CapabilityViewModel model;
    private final Texts texts;
    private final Consumer<String> showRequirement;
    private Popover popover;
    /** When the popover last hid itself (a click on the button outside it hides it first: that click must not reopen it). */
    private long hiddenAt;

    @FXML
    private Button capabilityButton;

    /** @param showRequirement selects a requirement in the navigator */
    public CapabilityView(CapabilityViewModel model, Texts texts, Consumer<String> showRequirement) {
        this.model = model;
        this.texts = texts;
        this.showRequirement = showRequirement;
    }

    @FXML
    private void initialize() {
        capabilityButton.setTooltip(new Tooltip(texts.get("capability.tooltip")));
        model.resultProperty().addListener((obs, old, now) -> show(now));
        show(model.resultProperty().get());
    }

    private void show(SecurityLevelCapability.Result result) {
        capabilityButton.setVisible(result != null);
        if (result == null) {
            return;
        }
        String achieved = result.achieved().map(level -> texts.format("capability.level", level.number()))
                .orElse(texts.get("capability.none"));
        capabilityButton.setText(result.nextLevel().isEmpty() ? achieved
                : texts.format("capability.withBlockers", achieved, result.nextLevel().get().number(), result.blockers().size()));
        if (popover != null && popover.isShowing()) {
            popover.setContentNode(content(result));
        }
    }

    @FXML
    private void toggle() {
        SecurityLevelCapability.Result result = model.resultProperty().get();
        if (result == null) {
            return;
        }
        if (popover != null && popover.isShowing()) {
            popover.hide(javafx.util.Duration.ZERO);
            return;
        }
        if (System.nanoTime() - hiddenAt < 300_000_000L) {
            return;
        }
        popover = new Popover(content(result));
        popover.setOnHidden(event -> hiddenAt = System.nanoTime());
        popover.setTitle(texts.get("capability.title"));
        popover.setHeaderAlwaysVisible(true);
        popover.setDetachable(false);
        popover.setAnimated(false);
        popover.setArrowLocation(Popover.ArrowLocation.BOTTOM_LEFT);
        popover.show(capabilityButton);
    }

    /** The panel: achieved level, next level and its blockers. */
    VBox content(SecurityLevelCapability.Result result) {
        VBox box = new VBox(6);
        box.getStyleClass().add("capability-panel");
        box.setPadding(new Insets(8, 12, 10, 12));
        box.setPrefWidth(520);
        box.setMaxWidth(520);
        Label achieved = new Label(result.achieved()
                .map(level -> texts.format("capability.achieved", level.number(), result.componentType().name()))
                .orElse(texts.format("capability.achieved.none", result.componentType().name())));
        achieved.getStyleClass().add("capability-achieved");
        achieved.setWrapText(true);
        box.getChildren().add(achieved);
        if (result.nextLevel().isEmpty()) {
            box.getChildren().add(new Label(texts.get("capability.top")));
            return box;
        }
        Label next = new Label(texts.format("capability.next", result.nextLevel().get().number(), result.blockers().size()));
        next.setWrapText(true);
        next.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.getChildren().add(next);
        VBox list = new VBox(2);
        list.getStyleClass().add("capability-blockers");
        result.blockers().stream().limit(MAX_LISTED).forEach(blocker -> {
            Hyperlink id = new Hyperlink(blocker.requirementId());
            id.getStyleClass().add("capability-blocker");
            id.setOnAction(event -> {
                popover.hide(javafx.util.Duration.ZERO);
                showRequirement.accept(blocker.requirementId());
            });
            Label state = new Label(texts.get("verdict." + blocker.decision().code()) + " \u00b7 "
                    + texts.format("capability.from", blocker.requiredFrom().number()));
            state.getStyleClass().add("text-muted");
            Label title = new Label(blocker.title());
            title.setMinWidth(0);
            HBox.setHgrow(title, javafx.scene.layout.Priority.ALWAYS);
            state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            id.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox row = new HBox(6, id, title, state);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            list.getChildren().add(row);
        });
        if (result.blockers().size() > MAX_LISTED) {
            list.getChildren().add(new Label(texts.format("capability.more", result.blockers().size() - MAX_LISTED)));
        }
        box.getChildren().addAll(list, new Label(texts.get("capability.hint")));
        box.getChildren().getLast().getStyleClass().add("text-muted");
        ((Label) box.getChildren().getLast()).setWrapText(true);
        return box;
    }
}
