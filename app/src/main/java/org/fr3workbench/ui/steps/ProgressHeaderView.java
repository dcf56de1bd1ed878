package org.fr3workbench.ui.steps;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fr3workbench.domain.VerdictDecision;

/** "Decided x of N" above the navigator, with the counts by verdict. Binds to {@link ProgressModel}. */
public final class ProgressHeaderView {

    private final ProgressModel model;
    private final Texts texts;

    @FXML
    private VBox root;
    @FXML
    private Label decidedLabel;
    @FXML
    private HBox counts;

    public ProgressHeaderView(ProgressModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        root.managedProperty().bind(root.visibleProperty());
        model.decidedProperty().addListener((obs, old, now) -> show(now));
        show(model.decidedProperty().get());
    }

    private void show(ProgressModel.Decided decided) {
        root.setVisible(decided != null);
        if (decided == null) {
            return;
        }
        decidedLabel.setText(texts.format("steps.decided", decided.decided(), decided.required()));
        counts.getChildren().clear();
        for (VerdictDecision decision : VerdictDecision.values()) {
            Label count = new Label(texts.format("steps.decided.count", texts.get("verdict." + decision.code()),
                    decided.counts().get(decision)));
            count.getStyleClass().addAll("decided-count", "decided-" + decision.code());
            counts.getChildren().add(count);
        }
    }
}
