package org.fr3workbench.ui.steps;

import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fr3workbench.domain.StepOutcome;

/** A row of the step list: number, kind, title, CIP test case, intrusive marker and the last outcome chip. */
final class StepCell extends ListCell<StepItem> {

    private final Texts texts;
    private final Label number = new Label();
    private final Label kind = new Label();
    private final Label title = new Label();
    private final Label testCase = new Label();
    private final Label intrusive = new Label();
    private final Label outcome = new Label();
    private final HBox row = new HBox(8, number, kind, title, testCase, intrusive, outcome);
    private final InvalidationListener refresh = obs -> showState();
    private StepItem shown;

    StepCell(Texts texts) {
        this.texts = texts;
        number.getStyleClass().add("step-number");
        kind.getStyleClass().add("step-kind-icon");
        title.getStyleClass().add("step-list-title");
        testCase.getStyleClass().add("tc-badge");
        intrusive.getStyleClass().add("step-intrusive");
        intrusive.setText(texts.get("steps.intrusive.short"));
        outcome.getStyleClass().add("outcome-chip");
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        for (Label label : new Label[] {number, kind, testCase, intrusive, outcome}) {
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.managedProperty().bind(label.visibleProperty());
        }
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.setMinWidth(0);
        row.setPrefWidth(1);
    }

    @Override
    protected void updateItem(StepItem item, boolean empty) {
        super.updateItem(item, empty);
        if (shown != null) {
            shown.outcomeProperty().removeListener(refresh);
            shown.runningProperty().removeListener(refresh);
        }
        shown = empty ? null : item;
        if (shown == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        shown.outcomeProperty().addListener(refresh);
        shown.runningProperty().addListener(refresh);
        String kindCode = item.planned().kind().name().toLowerCase(Locale.ROOT);
        number.setText(item.number() + ".");
        kind.setText(texts.get("steps.icon." + kindCode));
        kind.getStyleClass().removeIf(c -> c.startsWith("kind-"));
        kind.getStyleClass().add("kind-" + kindCode);
        kind.setTooltip(new Tooltip(texts.get("step.kind." + kindCode) + " \u00b7 "
                + texts.get("step.where." + item.planned().location().name().toLowerCase(Locale.ROOT))));
        title.setText(item.planned().title());
        testCase.setText(item.planned().cipTestCase());
        testCase.setVisible(!item.planned().cipTestCase().isEmpty());
        testCase.setTooltip(new Tooltip(texts.get("steps.tc.tooltip")));
        intrusive.setVisible(item.planned().intrusive());
        setText(null);
        setGraphic(row);
        showState();
        setAccessibleText(item.number() + ". " + item.planned().title());
    }

    private void showState() {
        if (shown == null) {
            return;
        }
        outcome.getStyleClass().removeIf(c -> c.startsWith("outcome-") && !c.equals("outcome-chip"));
        StepOutcome last = shown.outcomeProperty().get();
        if (shown.runningProperty().get()) {
            outcome.setText(texts.get("steps.outcome.running"));
            outcome.getStyleClass().add("outcome-running");
        } else if (last == null) {
            outcome.setText(shown.step().isPresent() ? texts.get("steps.outcome.notRun") : texts.get("steps.outcome.noProcedure"));
            outcome.getStyleClass().add("outcome-none");
        } else {
            outcome.setText(texts.outcome(last));
            outcome.getStyleClass().add("outcome-" + last.code());
        }
    }
}
