package org.fr3workbench.ui.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.fr3workbench.App;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.report.image.PngChunks;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.ui.WorkbenchApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The capture tools in the real window with a real assessment file: the window and a region are
 * stored as PNG evidence with matching hashes; an annotated and redacted copy is a new item, the
 * original keeps its hash, the redacted pixels are black and the PNG carries no text chunks.
 */
@ExtendWith(ApplicationExtension.class)
class CaptureWorkflowTest {

    private static final Preferences PREFS = Preferences.userRoot().node("fr3workbench-test/capture-workflow");

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private Stage stage;
    private WorkbenchApplication workbench;
    private Path file;

    @Start
    void start(Stage shown) {
        stage = shown;
        workbench = new WorkbenchApplication(new WorkbenchApplication.Services(new App()::catalog, background,
                new AssessmentFiles(Clock.systemUTC())), PREFS);
        workbench.show(shown);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(javafx.stage.Window::hide));
        robot.interact(stage::close);
        background.shutdownNow();
    }

    @AfterAll
    static void forgetPreferences() throws BackingStoreException {
        PREFS.removeNode();
    }

    private ListView<Evidence> openAndShow(FxRobot robot, String requirement) throws Exception {
        file = dir.resolve("capture.fr3");
        new AssessmentFiles(Clock.systemUTC()).create(file, AssessmentInfo.of("Acme Gateway", ComponentType.EDR, SecurityLevel.SL2,
                "Dana Assessor", new App().catalog().version()), "Dana Assessor").close();
        robot.interact(() -> workbench.actions().open(file));
        waitUntil(() -> robot.lookup(".assessment-title").queryAs(Label.class).getText().startsWith("Acme Gateway"));
        // The navigator's progress header pushes the tree down: select through the tree, not with a click.
        robot.interact(() -> {
            javafx.scene.control.TreeView<org.fr3workbench.ui.requirements.NavItem> tree =
                    robot.lookup(".requirements-tree").queryAs(javafx.scene.control.TreeView.class);
            tree.getRoot().getChildren().stream().flatMap(family -> family.getChildren().stream())
                    .filter(item -> item.getValue() instanceof org.fr3workbench.ui.requirements.NavItem.Entry entry
                            && entry.requirement().id().equals(requirement))
                    .findFirst().ifPresent(item -> tree.getSelectionModel().select(item));
        });
        WaitForAsyncUtils.waitForFxEvents();
        // The Steps tab holds a second gallery on the same model: use the one of the requirement detail.
        return robot.lookup(".requirement-detail .evidence-list").queryAs(ListView.class);
    }

    @Test
    void capturesTheWindowAndARegionAsHashedPngEvidence(FxRobot robot) throws Exception {
        ListView<Evidence> gallery = openAndShow(robot, "CR 3.4");

        robot.clickOn("Capture").clickOn("Window");
        waitUntil(() -> gallery.getItems().size() == 1);
        Evidence window = gallery.getItems().getFirst();
        assertThat(window.mediaType()).isEqualTo("image/png");
        assertThat(window.requirementId()).isEqualTo("CR 3.4");
        assertThat(window.name()).startsWith("window-").endsWith(".png");
        byte[] bytes = storedBytes(window.id());
        assertThat(sha256(bytes)).isEqualTo(window.sha256()).isEqualTo(storedHash(window.id()));
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(shot.getWidth()).isEqualTo((int) Math.round(stage.getScene().getWidth()));
        assertThat(shot.getHeight()).isEqualTo((int) Math.round(stage.getScene().getHeight()));

        robot.clickOn("Capture").clickOn("Region of the window\u2026");
        waitUntil(() -> robot.lookup("#regionSelector").tryQuery().isPresent());
        Pane selector = robot.lookup("#regionSelector").queryAs(Pane.class);
        drag(robot, selector, 100, 80, 300, 200);
        waitUntil(() -> gallery.getItems().size() == 2);
        Evidence region = gallery.getItems().stream().filter(e -> e.name().startsWith("region-")).findFirst().orElseThrow();
        byte[] regionBytes = storedBytes(region.id());
        assertThat(sha256(regionBytes)).isEqualTo(region.sha256());
        BufferedImage part = ImageIO.read(new ByteArrayInputStream(regionBytes));
        assertThat(part.getWidth()).isEqualTo(200);
        assertThat(part.getHeight()).isEqualTo(120);
        assertThat(region.source()).startsWith("region 200 x 120 px at (100, 80) of the FR3 Workbench window");
        assertThat(part.getRGB(10, 10)).as("the region's pixels are the window's").isEqualTo(shot.getRGB(110, 90));
    }

    @Test
    void annotatesAndRedactsIntoANewItemWithUndoDeleteAndSaveKeys(FxRobot robot) throws Exception {
        ListView<Evidence> gallery = openAndShow(robot, "CR 3.4");
        robot.clickOn("Capture").clickOn("Window");
        waitUntil(() -> gallery.getItems().size() == 1);
        Evidence original = gallery.getItems().getFirst();
        String originalHash = storedHash(original.id());

        robot.interact(() -> gallery.getSelectionModel().select(original));
        robot.interact(() -> robot.lookup(".detail-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(".requirement-detail #annotateButton");
        waitUntil(() -> robot.lookup("#annotationCanvas").tryQuery().isPresent());
        Pane canvas = robot.lookup("#annotationCanvas").queryAs(Pane.class);
        Group marks = (Group) canvas.getChildrenUnmodifiable().get(1);

        drag(robot, canvas, 20, 20, 200, 90);
        robot.clickOn("#toolArrow");
        drag(robot, canvas, 320, 200, 220, 100);
        robot.clickOn("#annotationLabel").write("Login banner");
        robot.clickOn(screen(canvas, 240, 210));
        robot.clickOn("#toolRedact");
        drag(robot, canvas, 40, 120, 260, 170);
        assertThat(marks.getChildren()).hasSize(4);

        robot.clickOn("#toolBox");
        drag(robot, canvas, 400, 300, 480, 360);
        assertThat(marks.getChildren()).hasSize(5);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(marks.getChildren()).as("Ctrl+Z took the last box back").hasSize(4);

        drag(robot, canvas, 400, 300, 480, 360);
        robot.clickOn(screen(canvas, 100, 200));
        robot.clickOn(screen(canvas, 400, 330));
        assertThat(marks.getChildren().stream().filter(n -> n.getStyleClass().contains("annotation-selected")).count()).isOne();
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(marks.getChildren()).as("Delete removed the selected box").hasSize(4);

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> gallery.getItems().size() == 2);
        Evidence copy = gallery.getItems().stream().filter(e -> e.id() != original.id()).findFirst().orElseThrow();
        assertThat(copy.name()).endsWith("-redacted.png");
        assertThat(copy.source()).startsWith("annotated and redacted copy of evidence " + original.id() + " (");
        assertThat(copy.caption()).contains("evidence " + original.id());
        assertThat(storedHash(original.id())).as("the original is untouched").isEqualTo(originalHash);
        assertThat(sha256(storedBytes(original.id()))).isEqualTo(originalHash);

        byte[] saved = storedBytes(copy.id());
        assertThat(sha256(saved)).isEqualTo(copy.sha256());
        assertThat(PngChunks.types(saved)).containsOnly("IHDR", "IDAT", "IEND");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(saved));
        for (int y = 121; y < 169; y++) {
            for (int x = 41; x < 259; x++) {
                assertThat(image.getRGB(x, y) & 0xFFFFFF).as("redacted pixel %d,%d", x, y).isZero();
            }
        }
        BufferedImage before = ImageIO.read(new ByteArrayInputStream(storedBytes(original.id())));
        assertThat(before.getRGB(150, 145) & 0xFFFFFF).as("the original still shows what was redacted").isNotZero();
        assertThat(robot.lookup("#annotationCanvas").tryQuery()).as("the editor closed after saving").isEmpty();
    }

    @Test
    void theWholeScreenOnMonocleIsRefusedClearlyAndStoresNothing(FxRobot robot) throws Exception {
        // Monocle's headless screen has no pixels to give; ScreenCaptureXvfbTest covers a real X display.
        ListView<Evidence> gallery = openAndShow(robot, "CR 3.4");
        robot.clickOn("Capture").clickOn("Whole screen");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("The capture could not be stored");
        assertThat(dialog.getContentText()).contains("capture the window instead");
        robot.interact(() -> dialog.getScene().getWindow().hide());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(gallery.getItems()).isEmpty();
        assertThat(storedCount()).isZero();
    }

    private long storedCount() throws Exception {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet row = sql.createStatement().executeQuery("SELECT count(*) FROM evidence")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void drag(FxRobot robot, Node node, double x1, double y1, double x2, double y2) {
        Point2D from = screen(node, x1, y1);
        Point2D to = screen(node, x2, y2);
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(from.midpoint(to)).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A screen point in whole pixels (the robot truncates, 79.99999 would become 79). */
    private static Point2D screen(Node node, double x, double y) {
        Point2D point = node.localToScreen(x, y);
        return new Point2D(Math.round(point.getX()), Math.round(point.getY()));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String storedHash(long id) throws Exception {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement query = sql.prepareStatement("SELECT sha256 FROM evidence WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    /** The content as the file holds it, read with plain JDBC (not through the store). */
    private byte[] storedBytes(long id) throws Exception {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement query = sql.prepareStatement("SELECT data FROM evidence_chunk WHERE evidence_id = ? ORDER BY seq")) {
            query.setLong(1, id);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.writeBytes(rows.getBytes(1));
                }
            }
            return out.toByteArray();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
