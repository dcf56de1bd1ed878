package org.fr3workbench.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.fr3workbench.App;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.testsupport.OpenSslServer;
import org.fr3workbench.ui.WorkbenchApplication;
import org.fr3workbench.ui.requirements.NavItem;

/**
 * Opens the real workbench window (run it under Xvfb: {@code tools/screenshots.sh}) and saves the
 * screenshots that the README and the user guide show, so that they always match the current UI.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        App app = new App();
        Catalog catalog = app.catalog();
        Preferences prefs = Preferences.userRoot().node("fr3workbench-screenshots");
        prefs.removeNode();
        prefs = Preferences.userRoot().node("fr3workbench-screenshots");
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        var io = Executors.newCachedThreadPool();
        Path spool = Files.createTempDirectory("fr3-tour-spool");
        var local = new org.fr3workbench.device.connect.DeviceConnections(spool, java.time.Clock.systemUTC(), io).local();
        var procedures = org.fr3workbench.ui.steps.SampleProcedures.cr34(catalog, spool.resolve("tampered"));
        WorkbenchApplication workbench = new WorkbenchApplication(new WorkbenchApplication.Services(() -> catalog, executor,
                new AssessmentFiles(java.time.Clock.systemUTC())).withSample(app::sampleAssessment).withSteps(() -> procedures,
                        (store, device) -> new org.fr3workbench.ui.steps.EngineStepService(new org.fr3workbench.engine.StepRunner(
                                store, new org.fr3workbench.engine.ProbeRegistry(java.util.List.of()), java.time.Clock.systemUTC()),
                                () -> procedures, local, () -> java.util.Optional.of(local))), prefs);
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            workbench.show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1360);
            stage.setHeight(860);
            shown.complete(stage);
        });
        Stage stage = shown.get(30, TimeUnit.SECONDS);
        Scene scene = stage.getScene();
        settle();
        save(scene, out.resolve("start.png"));
        select(scene, "CR 3.4");
        save(scene, out.resolve("main-window.png"));
        onFx(() -> ((javafx.scene.control.ComboBox<?>) scene.lookup("#typeFilter")).getSelectionModel().select(2));
        select(scene, "EDR 3.14 RE(1)");
        save(scene, out.resolve("requirement-edr.png"));
        onFx(() -> darkTheme(scene).setSelected(true));
        select(scene, "CR 3.7");
        save(scene, out.resolve("main-window-dark.png"));
        onFx(() -> darkTheme(scene).setSelected(false));
        onFx(() -> ((javafx.scene.control.ComboBox<?>) scene.lookup("#typeFilter")).getSelectionModel().select(0));

        Path sample = SampleAssessment.create(Files.createTempDirectory("fr3-tour"), catalog);
        onFx(() -> workbench.actions().open(sample));
        TimeUnit.SECONDS.sleep(3);
        select(scene, "CR 3.4");
        onFx(() -> ((javafx.scene.control.ScrollPane) scene.lookup(".detail-scroll")).setVvalue(0.75));
        TimeUnit.SECONDS.sleep(2);
        save(scene, out.resolve("assessment.png"));
        annotationEditor(workbench, stage, out.resolve("annotate.png"));

        DeviceTour.run(workbench, out);
        StepTour.run(scene, out, ScreenshotTour::onFx, ScreenshotTour::save, ScreenshotTour::savePopup);

        Platform.runLater(() -> workbench.actions().newAssessment());
        TimeUnit.SECONDS.sleep(2);
        saveTopDialog(out.resolve("new-assessment.png"));
        onFx(() -> closeTopDialog());
        onFx(() -> workbench.actions().exportDossier());
        TimeUnit.SECONDS.sleep(1);
        saveTopDialog(out.resolve("export.png"));
        onFx(() -> closeTopDialog());

        tlsScan(workbench, out);
        sampleTour(scene, out);

        onFx(stage::hide);
        prefs.removeNode();
        Platform.exit();
        executor.shutdownNow();
        io.shutdownNow();
    }

    /** Saves the popup window shown last (a popover) as it is on screen. */
    private static void savePopup(Path file) throws Exception {
        CompletableFuture<Scene> popup = new CompletableFuture<>();
        Platform.runLater(() -> popup.complete(javafx.stage.Window.getWindows().stream()
                .filter(w -> w.isShowing() && w instanceof javafx.stage.PopupWindow).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no popup is showing")).getScene()));
        save(popup.get(10, TimeUnit.SECONDS), file);
    }

    /** The TLS scan window after a real scan of a local {@code openssl s_server} with a mixed configuration. */
    private static void tlsScan(WorkbenchApplication workbench, Path out) throws Exception {
        Path dir = Files.createTempDirectory("fr3-tour-tls");
        Path[] cert = OpenSslServer.certificate(dir, "gateway", "sha256", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        try (OpenSslServer server = OpenSslServer.start(dir, cert, "-min_protocol", "TLSv1.2",
                "-cipher", "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305:"
                        + "ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA",
                "-ciphersuites", "TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256")) {
            onFx(() -> {
                workbench.tlsScan().show();
                workbench.tlsScan().stage().setX(20);
                workbench.tlsScan().stage().setY(20);
                workbench.tlsScan().model().targetProperty().set("127.0.0.1:" + server.port());
                workbench.tlsScan().model().scan();
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (workbench.tlsScan().model().outcomeProperty().get() == null && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            settle();
            save(workbench.tlsScan().stage().getScene(), out.resolve("tls-scan.png"));
            onFx(() -> workbench.tlsScan().stage().close());
        }
    }

    /** The annotation editor on the sample's console screenshot: a box, an arrow, a label and a redacted address. */
    @SuppressWarnings("unchecked")
    private static void annotationEditor(WorkbenchApplication workbench, Stage stage, Path file) throws Exception {
        onFx(() -> {
            javafx.scene.control.ListView<org.fr3workbench.domain.Evidence> gallery =
                    (javafx.scene.control.ListView<org.fr3workbench.domain.Evidence>) stage.getScene().lookup(".evidence-list");
            workbench.captureActions().annotate(gallery.getItems().stream().filter(e -> e.name().equals("aide-report.png"))
                    .findFirst().orElseThrow(), stage);
        });
        TimeUnit.SECONDS.sleep(2);
        CompletableFuture<Scene> editor = new CompletableFuture<>();
        Platform.runLater(() -> editor.complete(topDialog().getScene()));
        Scene scene = editor.get(10, TimeUnit.SECONDS);
        javafx.scene.Node canvas = scene.lookup("#annotationCanvas");
        onFx(() -> {
            drag(canvas, 14, 80, 652, 114);
            ((javafx.scene.control.ToggleButton) scene.lookup("#toolArrow")).fire();
            drag(canvas, 640, 300, 470, 196);
            ((javafx.scene.control.TextField) scene.lookup("#annotationLabel")).setText("Changed watched file reported");
            drag(canvas, 560, 306, 560, 306);
            ((javafx.scene.control.ToggleButton) scene.lookup("#toolRedact")).fire();
            drag(canvas, 478, 28, 594, 54);
            ((javafx.scene.control.TextField) scene.lookup("#annotationCaption")).setText("AIDE reports the tampered file; "
                    + "the lab's address redacted");
            ((javafx.scene.control.ToggleButton) scene.lookup("#toolBox")).fire();
            drag(canvas, 900, 560, 900, 560);
            ((javafx.scene.control.TextField) scene.lookup("#annotationLabel")).setText("");
        });
        save(scene, file);
        onFx(() -> closeTopDialog());
    }

    /** A mouse drag on a node, in its local coordinates (a click when both points are the same). */
    private static void drag(javafx.scene.Node node, double x1, double y1, double x2, double y2) {
        mouse(node, javafx.scene.input.MouseEvent.MOUSE_PRESSED, x1, y1);
        mouse(node, javafx.scene.input.MouseEvent.MOUSE_DRAGGED, (x1 + x2) / 2, (y1 + y2) / 2);
        mouse(node, javafx.scene.input.MouseEvent.MOUSE_DRAGGED, x2, y2);
        mouse(node, javafx.scene.input.MouseEvent.MOUSE_RELEASED, x2, y2);
    }

    private static void mouse(javafx.scene.Node node, javafx.event.EventType<javafx.scene.input.MouseEvent> type, double x, double y) {
        javafx.geometry.Point2D scene = node.localToScene(x, y);
        javafx.geometry.Point2D screen = node.localToScreen(x, y);
        javafx.event.Event.fireEvent(node, new javafx.scene.input.MouseEvent(type, scene.getX(), scene.getY(), screen.getX(),
                screen.getY(), javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                false, false, false, null));
    }

    /** The start page's sample action: its dialog, then the verified sample dossier (a real run on this computer). */
    private static void sampleTour(Scene scene, Path out) throws Exception {
        onFx(() -> ((javafx.scene.control.Button) scene.lookup("#homeButton")).fire());
        onFx(() -> ((javafx.scene.control.Button) scene.lookup(".sample-button")).fire());
        TimeUnit.SECONDS.sleep(1);
        Path folder = Files.createTempDirectory("fr3-tour-sample").resolve("Sample");
        CompletableFuture<Scene> dialog = new CompletableFuture<>();
        Platform.runLater(() -> dialog.complete(topDialog().getScene()));
        Scene sampleScene = dialog.get(10, TimeUnit.SECONDS);
        // The folder shown in the picture is the default one; the run itself goes to a temporary folder.
        saveTopDialog(out.resolve("sample-dialog.png"));
        onFx(() -> ((javafx.scene.control.TextField) sampleScene.lookup("#folderField")).setText(folder.toString()));
        onFx(() -> sampleScene.getRoot().lookupAll(".button").stream().map(javafx.scene.control.Button.class::cast)
                .filter(b -> b.getText().equals("Create the sample")).findFirst().orElseThrow().fire());
        for (int i = 0; i < 240 && !sampleDone(sampleScene); i++) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
        if (!sampleDone(sampleScene)) {
            throw new IllegalStateException("the sample did not finish within two minutes");
        }
        TimeUnit.SECONDS.sleep(2);
        save(sampleScene, out.resolve("sample-verified.png"));
        onFx(() -> closeTopDialog());
        select(scene, "CR 3.1");
        onFx(() -> ((javafx.scene.control.ScrollPane) scene.lookup(".detail-scroll")).setVvalue(1));
        TimeUnit.SECONDS.sleep(2);
        save(scene, out.resolve("sample-assessment.png"));
    }

    private static boolean sampleDone(Scene dialog) throws Exception {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            javafx.scene.Node title = dialog.lookup(".sample-result-title");
            done.complete(title instanceof javafx.scene.control.Label label && !label.getText().isEmpty());
        });
        return done.get(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static void select(Scene scene, String id) throws Exception {
        onFx(() -> {
            TreeView<NavItem> tree = (TreeView<NavItem>) scene.lookup(".requirements-tree");
            tree.getRoot().getChildren().stream().flatMap(family -> family.getChildren().stream())
                    .filter(item -> item.getValue() instanceof NavItem.Entry entry && entry.requirement().id().equals(id))
                    .findFirst()
                    .ifPresentOrElse(item -> tree.getSelectionModel().select(item), () -> {
                        throw new IllegalStateException("No requirement " + id + " in the navigator");
                    });
        });
    }

    static void save(Scene scene, Path file) throws Exception {
        settle();
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> image.complete(scene.snapshot(null)));
        BufferedImage argb = SwingFXUtils.fromFXImage(image.get(10, TimeUnit.SECONDS), null);
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(argb, 0, 0, null);
        try {
            ImageIO.write(rgb, "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("Cannot write " + file, e);
        }
    }

    static javafx.stage.Window topDialog() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof Stage s && s.getOwner() != null)
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no dialog is showing"));
    }

    static void saveTopDialog(Path file) throws Exception {
        CompletableFuture<Scene> dialog = new CompletableFuture<>();
        Platform.runLater(() -> dialog.complete(topDialog().getScene()));
        save(dialog.get(10, TimeUnit.SECONDS), file);
    }

    /** The View menu's dark theme item (menu items are not nodes: found through the toolbar's menu buttons). */
    private static javafx.scene.control.CheckMenuItem darkTheme(javafx.scene.Scene scene) {
        return scene.getRoot().lookupAll(".menu-button").stream()
                .flatMap(node -> ((javafx.scene.control.MenuButton) node).getItems().stream())
                .filter(item -> "darkThemeItem".equals(item.getId()))
                .map(javafx.scene.control.CheckMenuItem.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("no View > Dark theme item"));
    }

    private static void closeTopDialog() {
        ((Stage) topDialog()).close();
    }

    static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
        settle();
    }

    private static void settle() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(700);
    }
}
