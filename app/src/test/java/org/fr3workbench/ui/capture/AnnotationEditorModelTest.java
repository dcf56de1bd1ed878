package org.fr3workbench.ui.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.fr3workbench.domain.Annotation;
import org.junit.jupiter.api.Test;

/** The editor's marks as a plain object: tools, undo, selection by click, delete. */
class AnnotationEditorModelTest {

    private final AnnotationEditorModel model = new AnnotationEditorModel();

    @Test
    void eachToolTurnsADragIntoItsMarkAndTinyDragsIntoNothing() {
        assertThat(model.markFor(50, 40, 10, 20)).contains(new Annotation.Box(10, 20, 40, 20));
        assertThat(model.markFor(10, 10, 12, 30)).as("too narrow").isEmpty();
        model.toolProperty().set(AnnotationEditorModel.Tool.REDACT);
        assertThat(model.markFor(0, 0, 8, 9)).contains(new Annotation.Redaction(0, 0, 8, 9));
        model.toolProperty().set(AnnotationEditorModel.Tool.ARROW);
        assertThat(model.markFor(100, 100, 60, 70)).contains(new Annotation.Arrow(100, 100, 60, 70));
        model.toolProperty().set(AnnotationEditorModel.Tool.TEXT);
        assertThat(model.markFor(5, 5, 5, 5)).as("no label text yet").isEmpty();
        model.labelProperty().set("sealed");
        assertThat(model.markFor(5, 5, 5, 5)).contains(new Annotation.Text(5, 5, "sealed"));
    }

    @Test
    void undoTakesBackAdditionsAndDeletionsInReverseOrder() {
        assertThat(model.undo()).isFalse();
        Annotation box = new Annotation.Box(10, 10, 50, 50);
        Annotation redaction = new Annotation.Redaction(100, 100, 20, 20);
        model.add(box);
        model.add(redaction);
        assertThat(model.selectedProperty().get()).isEqualTo(1);
        assertThat(model.deleteSelected()).isTrue();
        assertThat(model.annotations()).containsExactly(box);
        assertThat(model.deleteSelected()).as("nothing selected any more").isFalse();

        assertThat(model.undo()).isTrue();
        assertThat(model.annotations()).containsExactly(box, redaction);
        assertThat(model.undo()).isTrue();
        assertThat(model.annotations()).containsExactly(box);
        assertThat(model.undo()).isTrue();
        assertThat(model.annotations()).isEmpty();
        assertThat(model.canUndoProperty().get()).isFalse();
        assertThat(model.isDirty()).isFalse();
    }

    @Test
    void aClickSelectsTheTopmostMarkUnderIt() {
        model.add(new Annotation.Redaction(0, 0, 100, 100));
        model.add(new Annotation.Arrow(0, 50, 100, 50));
        model.add(new Annotation.Text(200, 200, "here"));
        assertThat(model.indexAt(50, 52)).as("on the arrow, above the redaction").isEqualTo(1);
        assertThat(model.indexAt(50, 80)).isZero();
        assertThat(model.indexAt(210, 210)).isEqualTo(2);
        assertThat(model.indexAt(150, 150)).isEqualTo(-1);
    }
}
