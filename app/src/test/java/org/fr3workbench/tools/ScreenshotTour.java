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
        Catalog catalog = new App().catalog();
        Preferences prefs = Preferences.userRoot().node("fr3workbench-screenshots");
        prefs.removeNode();
        prefs = Preferences.userRoot().node("fr3workbench-screenshots");
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        var io = Executors.newCachedThreadPool();
        Path spool = Files.createTempDirectory("fr3-tour-spool");
        var local = new org.fr3workbench.device.connect.DeviceConnections(spool, java.time.Clock.systemUTC(), io).local();
        var procedures = org.fr3workbench.ui.steps.SampleProcedures.cr34(catalog, spool.resolve("tampered"));
        WorkbenchApplication workbench = new WorkbenchApplication(new WorkbenchApplication.Services(() -> catalog, executor,
                new AssessmentFiles(java.time.Clock.systemUTC()), () -> procedures, (store, device) ->
                new org.fr3workbench.ui.steps.EngineStepService(new org.fr3workbench.engine.StepRunner(store,
                        new org.fr3workbench.engine.ProbeRegistry(java.util.List.of()), java.time.Clock.systemUTC()),
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
        onFx(() -> ((atlantafx.base.controls.ToggleSwitch) scene.lookup("#darkSwitch")).setSelected(true));
        select(scene, "CR 3.7");
        save(scene, out.resolve("main-window-dark.png"));
        onFx(() -> ((atlantafx.base.controls.ToggleSwitch) scene.lookup("#darkSwitch")).setSelected(false));
        onFx(() -> ((javafx.scene.control.ComboBox<?>) scene.lookup("#typeFilter")).getSelectionModel().select(0));

        Path sample = SampleAssessment.create(Files.createTempDirectory("fr3-tour"), catalog);
        onFx(() -> workbench.actions().open(sample));
        TimeUnit.SECONDS.sleep(3);
        select(scene, "CR 3.4");
        onFx(() -> ((javafx.scene.control.ScrollPane) scene.lookup(".detail-scroll")).setVvalue(0.75));
        TimeUnit.SECONDS.sleep(2);
        save(scene, out.resolve("assessment.png"));
        StepTour.run(scene, out, ScreenshotTour::onFx, ScreenshotTour::save, ScreenshotTour::savePopup);

        Platform.runLater(() -> workbench.actions().newAssessment());
        TimeUnit.SECONDS.sleep(2);
        saveTopDialog(out.resolve("new-assessment.png"));
        onFx(() -> closeTopDialog());
        onFx(() -> workbench.actions().exportDossier());
        TimeUnit.SECONDS.sleep(1);
        saveTopDialog(out.resolve("export.png"));
        onFx(() -> closeTopDialog());

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

    private static javafx.stage.Window topDialog() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof Stage s && s.getOwner() != null)
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no dialog is showing"));
    }

    private static void saveTopDialog(Path file) throws Exception {
        CompletableFuture<Scene> dialog = new CompletableFuture<>();
        Platform.runLater(() -> dialog.complete(topDialog().getScene()));
        save(dialog.get(10, TimeUnit.SECONDS), file);
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
