package org.fr3workbench.ui.requirements;

import atlantafx.base.controls.CustomTextField;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.util.StringConverter;
import org.fr3workbench.domain.CipPosition;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.ui.assessment.AssessmentSession;

/** The requirements navigator: search, filters and the grouped tree. Binds to {@link RequirementsViewModel}. */
public final class RequirementsView {

    private final RequirementsViewModel model;
    private final ResourceBundle strings;

    @FXML
    private CustomTextField searchField;
    @FXML
    private ComboBox<ComponentType> typeFilter;
    @FXML
    private ComboBox<SecurityLevel> levelFilter;
    @FXML
    private Label countLabel;
    @FXML
    private javafx.scene.layout.FlowPane legend;
    @FXML
    private TreeView<NavItem> tree;

    private boolean updatingSelection;

    private final AssessmentSession session;

    private final ProgressMarks marks;

    public RequirementsView(RequirementsViewModel model, AssessmentSession session, ResourceBundle strings) {
        this(model, session, strings, ProgressMarks.NONE);
    }

    /** @param marks a progress mark per requirement (steps run, worst outcome) */
    public RequirementsView(RequirementsViewModel model, AssessmentSession session, ResourceBundle strings, ProgressMarks marks) {
        this.model = model;
        this.session = session;
        this.strings = strings;
        this.marks = marks;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(model.searchProperty());
        searchField.setLeft(searchIcon());
        legend.getChildren().setAll(java.util.Arrays.stream(CipPosition.values()).map(this::legendEntry).toList());

        typeFilter.getItems().add(null);
        typeFilter.getItems().addAll(ComponentType.values());
        typeFilter.setConverter(converter(type -> type == null
                ? strings.getString("requirements.filter.type.all")
                : type.name() + " \u2013 " + type.description()));
        typeFilter.setButtonCell(new NullableCell<>(typeFilter.getConverter()));
        typeFilter.valueProperty().bindBidirectional(model.componentTypeProperty());

        levelFilter.getItems().add(null);
        levelFilter.getItems().addAll(SecurityLevel.values());
        levelFilter.setConverter(converter(level -> level == null
                ? strings.getString("requirements.filter.level.all")
                : java.text.MessageFormat.format(strings.getString("requirements.filter.level.upTo"), level.number())));
        levelFilter.setButtonCell(new NullableCell<>(levelFilter.getConverter()));
        levelFilter.valueProperty().bindBidirectional(model.targetLevelProperty());

        tree.setRoot(new TreeItem<>());
        tree.setCellFactory(view -> new RequirementTreeCell(session::verdict, strings, marks));
        marks.changes().addListener((obs, old, now) -> tree.refresh());
        session.verdicts().addListener((javafx.collections.MapChangeListener<String, org.fr3workbench.domain.Verdict>) change
                -> tree.refresh());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!updatingSelection) {
                model.selectedProperty().set(item != null && item.getValue() instanceof NavItem.Entry entry
                        ? entry.requirement() : null);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> selectInTree(now));
        model.groupsProperty().addListener((obs, old, groups) -> rebuild(groups));
        model.visibleCountProperty().addListener((obs, old, now) -> updateCount());
        rebuild(model.groupsProperty().get());
        updateCount();
    }

    private static javafx.scene.Node searchIcon() {
        javafx.scene.shape.SVGPath glass = new javafx.scene.shape.SVGPath();
        glass.setContent("M6.5 1a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65-1.06 1.06-3.65-3.65A5.5 5.5 0 1 1 6.5 1z"
                + "m0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8z");
        glass.getStyleClass().add("search-icon");
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(glass);
        box.setPadding(new javafx.geometry.Insets(0, 0, 0, 8));
        return box;
    }

    private Label legendEntry(CipPosition position) {
        javafx.scene.layout.Region dot = new javafx.scene.layout.Region();
        dot.getStyleClass().addAll("position-dot", "position-" + position.name().toLowerCase(java.util.Locale.ROOT));
        Label label = new Label(strings.getString("requirements.legend." + position.name().toLowerCase(java.util.Locale.ROOT)), dot);
        label.getStyleClass().add("legend-entry");
        return label;
    }

    /** Moves keyboard focus to the search field (Ctrl+F). */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    private void rebuild(Map<NavItem.Family, List<NavItem.Entry>> groups) {
        updatingSelection = true;
        try {
            TreeItem<NavItem> root = tree.getRoot();
            root.getChildren().clear();
            for (Map.Entry<NavItem.Family, List<NavItem.Entry>> group : groups.entrySet()) {
                TreeItem<NavItem> family = new TreeItem<>(group.getKey());
                family.setExpanded(true);
                for (NavItem.Entry entry : group.getValue()) {
                    family.getChildren().add(new TreeItem<>(entry));
                }
                root.getChildren().add(family);
            }
        } finally {
            updatingSelection = false;
        }
        selectInTree(model.selectedProperty().get());
    }

    private void selectInTree(Requirement requirement) {
        updatingSelection = true;
        try {
            if (requirement == null) {
                tree.getSelectionModel().clearSelection();
                return;
            }
            for (TreeItem<NavItem> family : tree.getRoot().getChildren()) {
                for (TreeItem<NavItem> item : family.getChildren()) {
                    if (item.getValue() instanceof NavItem.Entry entry && entry.requirement().equals(requirement)) {
                        tree.getSelectionModel().select(item);
                        int row = tree.getRow(item);
                        if (row >= 0) {
                            tree.scrollTo(Math.max(0, row - 3));
                        }
                        return;
                    }
                }
            }
        } finally {
            updatingSelection = false;
        }
    }

    private void updateCount() {
        countLabel.setText(java.text.MessageFormat.format(strings.getString("requirements.count"),
                model.visibleCountProperty().get(), model.totalCount()));
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** A combo-box cell that renders the {@code null} item ("All") through the converter too. */
    private static final class NullableCell<T> extends ListCell<T> {
        private final StringConverter<T> converter;

        NullableCell(StringConverter<T> converter) {
            this.converter = converter;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? converter.toString(null) : converter.toString(item));
        }
    }
}
