package org.fr3workbench.ui.requirements;

import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fr3workbench.domain.Verdict;

/** Renders a family heading or a requirement row (id, title, lowest SL, CIP position dot). */
final class RequirementTreeCell extends TreeCell<NavItem> {

    private final Label id = new Label();
    private final Label title = new Label();
    private final Label level = new Label();
    private final Region dot = new Region();
    private final Label verdict = new Label();
    private final Label progress = new Label();
    // progress and verdict join the row only while they show something: most rows have neither, and every label
    // in a visible cell costs style and layout work on the window's first frame (docs/benchmarks.md).
    private final HBox row = new HBox(8, dot, id, title, new Region(), level);
    private final java.util.function.Function<String, java.util.Optional<Verdict>> verdicts;
    private final java.util.ResourceBundle strings;
    private final ProgressMarks marks;

    RequirementTreeCell(java.util.function.Function<String, java.util.Optional<Verdict>> verdicts, java.util.ResourceBundle strings,
                        ProgressMarks marks) {
        this.verdicts = verdicts;
        this.strings = strings;
        this.marks = marks;
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        id.getStyleClass().add("nav-id");
        title.getStyleClass().add("nav-title");
        level.getStyleClass().add("nav-level");
        dot.getStyleClass().add("position-dot");
        HBox.setHgrow(row.getChildren().get(3), Priority.ALWAYS);
        title.setMinWidth(0);
        id.setMinWidth(Region.USE_PREF_SIZE);
        level.setMinWidth(Region.USE_PREF_SIZE);
        // A small preferred width lets the cell take the tree's width, so long titles end in "..."
        // instead of pushing a horizontal scroll bar.
        row.setMinWidth(0);
        row.setPrefWidth(1);
        // The same for the cell itself: a long family heading would otherwise widen every row beyond the tree, cut off
        // the right-hand column (level, verdict) and add a horizontal scroll bar.
        setMinWidth(0);
        setPrefWidth(1);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(NavItem item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll("nav-family", "nav-entry");
        dot.getStyleClass().removeIf(c -> c.startsWith("position-") && !c.equals("position-dot"));
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        switch (item) {
            case NavItem.Family family -> {
                getStyleClass().add("nav-family");
                setGraphic(null);
                setText(family.label() + "  (" + family.count() + ")");
            }
            case NavItem.Entry entry -> {
                getStyleClass().add("nav-entry");
                id.setText(entry.requirement().id());
                title.setText(entry.requirement().title());
                level.setText(entry.requirement().minLevel().map(Object::toString).orElse("\u2013"));
                dot.getStyleClass().add("position-" + entry.requirement().cipPosition().name().toLowerCase(java.util.Locale.ROOT));
                verdict.getStyleClass().removeIf(c -> c.startsWith("verdict-"));
                java.util.Optional<Verdict> decided = verdicts.apply(entry.requirement().id());
                verdict.setText(decided.map(v -> strings.getString("verdict.short." + v.decision().code())).orElse(""));
                decided.ifPresent(v -> verdict.getStyleClass().addAll("verdict-tag", "verdict-" + v.decision().code()));
                showMark(marks.mark(entry.requirement().id()));
                showInRow(progress, !progress.getText().isEmpty(), 4);
                showInRow(verdict, decided.isPresent(), row.getChildren().size());
                setText(null);
                setGraphic(row);
            }
        }
        setAccessibleText(item.label());
    }

    /** Adds the label to the row at the index, or removes it, as it has something to show. */
    private void showInRow(Label label, boolean shown, int index) {
        boolean present = row.getChildren().contains(label);
        if (shown && !present) {
            row.getChildren().add(Math.min(index, row.getChildren().size()), label);
        } else if (!shown && present) {
            row.getChildren().remove(label);
        }
    }

    private void showMark(java.util.Optional<ProgressMarks.Mark> mark) {
        progress.getStyleClass().removeIf(c -> c.startsWith("progress-"));
        progress.setText(mark.map(ProgressMarks.Mark::text).orElse(""));
        progress.setTooltip(mark.map(m -> new javafx.scene.control.Tooltip(m.tooltip())).orElse(null));
        mark.ifPresent(m -> progress.getStyleClass().addAll("progress-mark", m.styleClass()));
    }
}
