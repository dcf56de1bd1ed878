package org.fr3workbench.ui.tls;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.probe.tls.CertificateInfo;
import org.fr3workbench.probe.tls.Finding;
import org.fr3workbench.probe.tls.PolicyEvaluator;
import org.fr3workbench.probe.tls.ProtocolResult;
import org.fr3workbench.probe.tls.SuiteMatrix;
import org.fr3workbench.probe.tls.TlsProbeOutcome;
import org.fr3workbench.probe.tls.TlsScanResult;
import org.fr3workbench.ui.common.DialogService;
import org.fr3workbench.ui.common.Errors;

/** The TLS scan form, the protocol x suite matrix coloured by policy, findings and certificate; binds to {@link TlsScanViewModel}. */
public final class TlsScanView {

    private final TlsScanViewModel model;
    private final DialogService dialogs;
    private final ResourceBundle strings;

    @FXML
    private TextField targetField;
    @FXML
    private ComboBox<String> policyBox;
    @FXML
    private Spinner<Integer> parallelSpinner;
    @FXML
    private Button scanButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label statusLabel;
    @FXML
    private Label verdictBadge;
    @FXML
    private GridPane matrixGrid;
    @FXML
    private Label certificateLabel;
    @FXML
    private Label detailsLabel;
    @FXML
    private TableView<Finding> findingsTable;
    @FXML
    private TableColumn<Finding, String> resultColumn;
    @FXML
    private TableColumn<Finding, String> ruleColumn;
    @FXML
    private TableColumn<Finding, String> subjectColumn;
    @FXML
    private TableColumn<Finding, String> messageColumn;
    @FXML
    private ComboBox<String> requirementBox;
    @FXML
    private Button storeButton;
    @FXML
    private Label storeLabel;

    public TlsScanView(TlsScanViewModel model, DialogService dialogs, ResourceBundle strings) {
        this.model = model;
        this.dialogs = dialogs;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        targetField.textProperty().bindBidirectional(model.targetProperty());
        policyBox.getItems().setAll(model.policies());
        policyBox.valueProperty().bindBidirectional(model.policyProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory parallel = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 64);
        parallelSpinner.setValueFactory(parallel);
        parallel.valueProperty().bindBidirectional(model.parallelProperty().asObject());
        requirementBox.getItems().setAll(TlsScanViewModel.REQUIREMENTS);
        requirementBox.valueProperty().bindBidirectional(model.requirementProperty());
        scanButton.disableProperty().bind(model.runningProperty());
        cancelButton.disableProperty().bind(model.runningProperty().not());
        targetField.disableProperty().bind(model.runningProperty());
        progressBar.visibleProperty().bind(model.runningProperty());
        progressBar.setProgress(-1);
        storeButton.disableProperty().bind(model.canStore().not());
        statusLabel.textProperty().bind(Bindings.createStringBinding(this::status, model.runningProperty(),
                model.progressProperty(), model.connectionsOpenedProperty(), model.errorProperty(), model.outcomeProperty()));
        model.errorProperty().addListener((obs, old, now) -> statusLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), !now.isEmpty()));
        storeLabel.textProperty().bind(Bindings.createStringBinding(this::storeStatus, model.storedProperty(),
                model.outcomeProperty(), model.canStore()));
        resultColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().result() == Finding.Result.FAIL
                ? strings.getString("tls.cell.fail") : strings.getString("tls.cell.pass")));
        resultColumn.setCellFactory(column -> new ResultCell());
        ruleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rule()));
        subjectColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().subject()));
        messageColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        findingsTable.setItems(model.findings());
        findingsTable.setPlaceholder(new Label(strings.getString("tls.findings.none")));
        model.outcomeProperty().addListener((obs, old, now) -> showOutcome(now));
        showOutcome(model.outcomeProperty().get());
    }

    private String status() {
        if (!model.errorProperty().get().isEmpty()) {
            return model.errorProperty().get();
        }
        if (model.runningProperty().get()) {
            return MessageFormat.format(strings.getString("tls.status.running"), model.progressProperty().get(),
                    model.connectionsOpenedProperty().get());
        }
        TlsProbeOutcome outcome = model.outcomeProperty().get();
        if (outcome == null) {
            return strings.getString("tls.status.idle");
        }
        TlsScanResult result = outcome.result();
        return MessageFormat.format(strings.getString("tls.status.done"), result.target(), result.connections(),
                result.durationMillis(), outcome.reason());
    }

    private String storeStatus() {
        List<Evidence> stored = model.storedProperty().get();
        if (!stored.isEmpty()) {
            return MessageFormat.format(strings.getString("tls.store.done"), stored.getFirst().requirementId(),
                    stored.stream().map(e -> "#" + e.id() + " " + e.name() + " (SHA-256 " + e.sha256().substring(0, 12) + "\u2026)")
                            .collect(Collectors.joining(", ")));
        }
        if (model.outcomeProperty().get() != null && !model.canStore().get()) {
            return strings.getString("tls.store.noAssessment");
        }
        return "";
    }

    private void showOutcome(TlsProbeOutcome outcome) {
        matrixGrid.getChildren().clear();
        verdictBadge.getStyleClass().removeIf(c -> c.startsWith("tls-verdict-"));
        if (outcome == null) {
            verdictBadge.setVisible(false);
            certificateLabel.setText(strings.getString("tls.certificate.none"));
            detailsLabel.setText("");
            return;
        }
        verdictBadge.setVisible(true);
        verdictBadge.setText(outcome.passed() ? strings.getString("tls.verdict.pass") : strings.getString("tls.verdict.fail"));
        verdictBadge.getStyleClass().add(outcome.passed() ? "tls-verdict-pass" : "tls-verdict-fail");
        verdictBadge.setTooltip(new Tooltip(outcome.reason()));
        fillMatrix(outcome.result(), SuiteMatrix.of(outcome.result()));
        certificateLabel.setText(certificates(outcome.result().certificates()));
        detailsLabel.setText(details(outcome));
    }

    /** Newest protocol first; one row per accepted suite. */
    private void fillMatrix(TlsScanResult result, SuiteMatrix matrix) {
        List<String> protocols = matrix.protocols().reversed();
        Label corner = header(strings.getString("tls.matrix.suite"));
        corner.getStyleClass().add("tls-head-suite");
        matrixGrid.add(corner, 0, 0);
        for (int c = 0; c < protocols.size(); c++) {
            String name = protocols.get(c);
            Label head = header(name);
            ProtocolResult protocol = result.protocol(name).orElseThrow();
            if (!protocol.supported()) {
                head.getStyleClass().add("tls-head-unsupported");
                head.setTooltip(new Tooltip(protocol.refusal() == null ? String.valueOf(protocol.error()) : protocol.refusal()));
            } else {
                result.findings().stream().filter(f -> f.rule().equals(PolicyEvaluator.PROTOCOL_ALLOWED) && f.subject().equals(name))
                        .findFirst().ifPresent(f -> {
                            head.setTooltip(new Tooltip(f.rule() + ": " + f.message()));
                            if (f.result() == Finding.Result.FAIL) {
                                head.getStyleClass().add("tls-head-forbidden");
                            }
                        });
            }
            matrixGrid.add(head, c + 1, 0);
        }
        int row = 1;
        for (SuiteMatrix.Row suiteRow : matrix.rows()) {
            Label suite = new Label(suiteRow.suite());
            suite.getStyleClass().add("tls-suite");
            matrixGrid.add(suite, 0, row);
            List<SuiteMatrix.Cell> cells = suiteRow.cells().reversed();
            for (int c = 0; c < cells.size(); c++) {
                matrixGrid.add(cell(cells.get(c), protocols.get(c), suiteRow.suite(), result), c + 1, row);
            }
            row++;
        }
        if (matrix.rows().isEmpty()) {
            matrixGrid.add(new Label(strings.getString("tls.matrix.empty")), 0, 1, protocols.size() + 1, 1);
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("tls-head");
        label.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(label, Priority.SOMETIMES);
        return label;
    }

    private Label cell(SuiteMatrix.Cell state, String protocol, String suite, TlsScanResult result) {
        String kind = state.name().toLowerCase(Locale.ROOT);
        Label cell = new Label(switch (state) {
            case PASS -> strings.getString("tls.cell.pass");
            case FAIL -> strings.getString("tls.cell.fail");
            case NONE -> strings.getString("tls.cell.none");
        });
        cell.getStyleClass().addAll("tls-cell", "tls-cell-" + kind);
        cell.setId("tls-" + protocol + "-" + suite);
        cell.setMaxWidth(Double.MAX_VALUE);
        cell.setMinWidth(72);
        if (state != SuiteMatrix.Cell.NONE) {
            String subject = protocol + " " + suite;
            result.findings().stream().filter(f -> f.rule().equals(PolicyEvaluator.SUITE_ALLOWED) && f.subject().equals(subject))
                    .findFirst().ifPresent(f -> cell.setTooltip(new Tooltip(f.rule() + ": " + f.message())));
        }
        return cell;
    }

    private String certificates(List<CertificateInfo> chain) {
        if (chain.isEmpty()) {
            return strings.getString("tls.certificate.none");
        }
        return chain.stream().map(c -> MessageFormat.format(strings.getString("tls.certificate.entry"), c.position(), c.subject(),
                c.issuer(), c.keyType(), String.valueOf(c.keyBits()), c.curve() == null ? "" : " " + c.curve(), c.signatureAlgorithm(),
                c.notBefore().toString().substring(0, 10), c.notAfter().toString().substring(0, 10),
                c.sha256().substring(0, Math.min(16, c.sha256().length())))).collect(Collectors.joining("\n\n"));
    }

    private String details(TlsProbeOutcome outcome) {
        TlsScanResult r = outcome.result();
        String yes = strings.getString("tls.yes");
        String no = strings.getString("tls.no");
        return MessageFormat.format(strings.getString("tls.details.text"),
                r.policy() == null ? "-" : r.policy().id() + " " + r.policy().version(),
                r.secureRenegotiation() == null ? "n/a" : r.secureRenegotiation() ? yes : no,
                r.compression() ? strings.getString("tls.compression.on") : strings.getString("tls.compression.off"),
                r.dhBits() > 0 ? r.dhBits() + " bits" : "n/a", r.connections(), String.valueOf(r.durationMillis()),
                "direct".equals(outcome.source()) ? strings.getString("tls.route.direct") : outcome.source());
    }

    @FXML
    private void scan() {
        model.scan();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void store() {
        model.store(error -> dialogs.showError(strings.getString("tls.store.failed"), Errors.describe(error)));
    }

    /** Pass / fail in the findings table, coloured. */
    private static final class ResultCell extends TableCell<Finding, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("tls-finding-pass", "tls-finding-fail");
            if (empty || item == null || getTableRow() == null || getTableRow().getItem() == null) {
                setText(null);
                return;
            }
            setText(item);
            getStyleClass().add(getTableRow().getItem().result() == Finding.Result.FAIL ? "tls-finding-fail" : "tls-finding-pass");
        }
    }
}
