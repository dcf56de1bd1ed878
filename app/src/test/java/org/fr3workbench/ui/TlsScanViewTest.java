package org.fr3workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.fr3workbench.App;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.EvidenceQuery;
import org.fr3workbench.testsupport.OpenSslServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The TLS scan window against a real {@code openssl s_server}: scan from the toolbar, the matrix shows the
 * accepted suites coloured by the policy (a CBC-SHA1 suite red), and storing adds the two evidence items.
 */
@Tag("peer")
@ExtendWith(ApplicationExtension.class)
class TlsScanViewTest {

    private static final Preferences PREFS = Preferences.userRoot().node("fr3workbench-test/tls-scan-view");

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private WorkbenchApplication workbench;
    private Stage stage;

    @Start
    void start(Stage shown) {
        stage = shown;
        workbench = new WorkbenchApplication(new WorkbenchApplication.Services(new App()::catalog, background,
                new AssessmentFiles(Clock.systemUTC())), PREFS);
        workbench.show(shown);
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        robot.interact(() -> {
            if (workbench.tlsScan().stage() != null) {
                workbench.tlsScan().stage().close();
            }
            stage.close();
        });
        background.shutdownNow();
    }

    @AfterAll
    static void forgetPreferences() throws BackingStoreException {
        PREFS.removeNode();
    }

    /** State of each matrix cell by its id {@code tls-PROTOCOL-SUITE}: pass, fail or none. */
    private static Map<String, String> cells(Stage window) {
        return window.getScene().getRoot().lookupAll(".tls-cell").stream().collect(Collectors.toMap(Node::getId,
                n -> n.getStyleClass().stream().filter(c -> c.startsWith("tls-cell-")).findFirst().orElseThrow()
                        .substring("tls-cell-".length())));
    }

    /** The window closed the file on its store worker; open it once that finished. */
    private static AssessmentStore openWhenReleased(Path file) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                return new AssessmentFiles(Clock.systemUTC()).open(file, AssessmentFiles.Access.READ_ONLY);
            } catch (org.fr3workbench.store.AssessmentFileException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void scanShowsTheMatrixColouredByPolicyAndStoresTwoEvidenceItems(FxRobot robot) throws Exception {
        Path file = dir.resolve("tls.fr3");
        new AssessmentFiles(Clock.systemUTC()).create(file, AssessmentInfo.of("Acme RTU", ComponentType.EDR, SecurityLevel.SL2,
                "Dana Assessor", new App().catalog().version()), "Dana Assessor").close();
        robot.interact(() -> workbench.actions().open(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".assessment-title").queryAs(Label.class).getText()
                .startsWith("Acme RTU"));

        Path[] cert = OpenSslServer.certificate(dir, "gui", "sha256", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        int port;
        try (OpenSslServer server = OpenSslServer.start(dir, cert, "-tls1_2",
                "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-SHA")) {
            port = server.port();
            robot.clickOn("#tlsScanButton");
            WaitForAsyncUtils.waitForFxEvents();
            Stage window = workbench.tlsScan().stage();
            assertThat(window.isShowing()).isTrue();
            robot.interact(() -> ((TextField) window.getScene().lookup("#targetField")).setText("127.0.0.1:" + server.port()));
            robot.clickOn(window.getScene().lookup("#scanButton"));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.getScene().getRoot().lookupAll(".tls-cell").isEmpty());
            WaitForAsyncUtils.waitForFxEvents();

            Map<String, String> cells = cells(window);
            assertThat(cells).containsEntry("tls-TLSv1.2-TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "pass")
                    .containsEntry("tls-TLSv1.2-TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "fail")
                    .containsEntry("tls-TLSv1.3-TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "none");
            Set<String> accepted = cells.entrySet().stream().filter(e -> !e.getValue().equals("none")).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertThat(accepted).containsExactlyInAnyOrder("tls-TLSv1.2-TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                    "tls-TLSv1.2-TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");
            assertThat(((Label) window.getScene().lookup("#verdictBadge")).getText()).isEqualTo("FAIL");
            assertThat(robot.from(window.getScene().getRoot()).lookup(".tls-finding-fail").queryAll()).isNotEmpty();

            robot.clickOn(window.getScene().lookup("#storeButton"));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ((Label) window.getScene().lookup("#storeLabel")).getText()
                    .startsWith("Stored for CR 3.1"));
            assertThat(window.getScene().lookup("#storeButton").isDisabled()).as("stored once only").isTrue();
        }
        org.fr3workbench.probe.tls.TlsProbeOutcome outcome = workbench.tlsScan().model().outcomeProperty().get();
        List<Evidence> stored = workbench.tlsScan().model().storedProperty().get();
        assertThat(stored).extracting(Evidence::name).containsExactly("tls-scan-127.0.0.1-" + port + ".json",
                "tls-scan-127.0.0.1-" + port + ".txt");
        assertThat(stored).extracting(Evidence::sha256).containsExactly(sha256(outcome.jsonBytes()), sha256(outcome.tableBytes()));
        robot.interact(() -> {
            workbench.tlsScan().stage().close();
            stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            stage.close();
        });
        try (AssessmentStore store = openWhenReleased(file)) {
            List<Evidence> items = store.evidence().page(EvidenceQuery.forRequirement("CR 3.1"), 0, 10);
            assertThat(items).extracting(Evidence::sha256).containsExactly(sha256(outcome.jsonBytes()), sha256(outcome.tableBytes()));
            for (Evidence item : items) {
                try (InputStream in = store.evidence().open(item.id())) {
                    assertThat(item.sha256()).isEqualTo(sha256(in.readAllBytes()));
                }
            }
            assertThat(store.verify(org.fr3workbench.store.ProgressMonitor.NONE).isClean()).isTrue();
        }
    }
}
