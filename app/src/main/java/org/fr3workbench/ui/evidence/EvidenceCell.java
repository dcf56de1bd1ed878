package org.fr3workbench.ui.evidence;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fr3workbench.domain.Evidence;

/** One gallery row: thumbnail or text preview, name, kind, size, capture time, SHA-256, caption. */
final class EvidenceCell extends ListCell<Evidence> {

    static final int THUMB_WIDTH = 112;
    static final int THUMB_HEIGHT = 72;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final EvidenceViewModel model;
    private final ResourceBundle strings;
    private final Map<Long, Object> thumbnails;
    private final ImageView image = new ImageView();
    private final Label preview = new Label();
    private final StackPane thumb = new StackPane(image, preview);
    private final Label name = new Label();
    private final Label facts = new Label();
    private final Label hash = new Label();
    private final Label caption = new Label();
    private final HBox row;

    EvidenceCell(EvidenceViewModel model, ResourceBundle strings, Map<Long, Object> thumbnails) {
        this.model = model;
        this.strings = strings;
        this.thumbnails = thumbnails;
        thumb.setMinSize(THUMB_WIDTH, THUMB_HEIGHT);
        thumb.setPrefSize(THUMB_WIDTH, THUMB_HEIGHT);
        thumb.setMaxSize(THUMB_WIDTH, THUMB_HEIGHT);
        thumb.getStyleClass().add("evidence-thumb");
        preview.getStyleClass().add("evidence-preview");
        preview.setWrapText(true);
        preview.setMaxSize(THUMB_WIDTH - 6, THUMB_HEIGHT - 6);
        name.getStyleClass().add("evidence-name");
        facts.getStyleClass().add("text-muted");
        hash.getStyleClass().add("evidence-hash");
        caption.setWrapText(true);
        VBox text = new VBox(2, name, facts, hash, caption);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(12, thumb, text);
        row.setMinWidth(0);
        row.setPrefWidth(1);
    }

    @Override
    protected void updateItem(Evidence item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        name.setText(item.name());
        facts.setText(MessageFormat.format(strings.getString("evidence.facts"), item.kind().label(), size(item.size()),
                TIME.format(item.capturedAt()), item.id()));
        hash.setText("SHA-256 " + item.sha256());
        caption.setText(item.caption());
        caption.setManaged(!item.caption().isBlank());
        setTooltip(new Tooltip(item.name() + "\nSHA-256 " + item.sha256() + "\n" + item.source()));
        showThumbnail(item);
        setGraphic(row);
    }

    private void showThumbnail(Evidence item) {
        image.setImage(null);
        preview.setText("");
        Object cached = thumbnails.get(item.id());
        if (cached != null) {
            apply(cached);
            return;
        }
        if (org.fr3workbench.domain.MediaTypes.isEditableImage(item.mediaType())) {
            model.withContent(item, in -> new Image(in, THUMB_WIDTH, THUMB_HEIGHT, true, true), result -> deliver(item, result));
        } else if (item.mediaType().startsWith("text/") || item.mediaType().contains("json")) {
            model.preview(item, text -> deliver(item, text.length() > 220 ? text.substring(0, 220) : text));
        } else {
            deliver(item, item.mediaType());
        }
    }

    private void deliver(Evidence item, Object result) {
        if (result == null) {
            return;
        }
        thumbnails.put(item.id(), result);
        if (item.equals(getItem())) {
            apply(result);
        }
    }

    private void apply(Object content) {
        if (content instanceof Image picture) {
            image.setImage(picture);
        } else {
            preview.setText(content.toString());
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
