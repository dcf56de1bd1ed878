package org.fr3workbench.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.fr3workbench.domain.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.fr3workbench.ui.common.FxmlLoaderFactory;
import org.fr3workbench.ui.common.Theme;
import org.fr3workbench.ui.common.WindowState;
import org.fr3workbench.ui.main.MainView;
import org.fr3workbench.ui.requirements.RequirementDetailView;
import org.fr3workbench.ui.requirements.RequirementsView;
import org.fr3workbench.ui.requirements.RequirementsViewModel;
import org.fr3workbench.ui.start.StartView;

/**
 * Builds the workbench window from the services of the composition root. Starts the JavaFX
 * platform without an {@code Application} subclass, so no static hand-over of services is needed.
 */
public final class WorkbenchApplication {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApplication.class);

    /** What the GUI needs from the composition root. */
    public record Services(Supplier<Catalog> catalog, Executor background) {
    }

    private final Services services;
    private final Preferences preferences;

    public WorkbenchApplication(Services services, Preferences preferences) {
        this.services = services;
        this.preferences = preferences;
    }

    /** The preferences node of the GUI; tests use their own through {@code -Dfr3.prefs.node}. */
    public static Preferences defaultPreferences() {
        return Preferences.userRoot().node(System.getProperty("fr3.prefs.node", "fr3workbench"));
    }

    /**
     * Opens the main window and blocks until it is closed.
     *
     * @param file      an assessment file to open, or {@code null}
     * @param smokeTest close the window right after its first frame (installer checks, start-up benchmark)
     * @return the time from the start of the JVM to the first frame of the window
     */
    public static Duration launch(Services services, Path file, boolean smokeTest) {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Duration> firstFrame = new AtomicReference<>(Duration.ZERO);
        WorkbenchApplication application = new WorkbenchApplication(services, defaultPreferences());
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(event -> closed.countDown());
            application.show(stage);
            whenFirstFramePainted(stage, () -> {
                Duration sinceLaunch = Duration.ofMillis(System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime());
                firstFrame.set(sinceLaunch);
                LOG.info("First frame {} ms after launch", sinceLaunch.toMillis());
                if (smokeTest) {
                    stage.hide();
                }
            });
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
        }
        return firstFrame.get();
    }

    /** Runs the action once, on the pulse after the first one that laid out the shown window. */
    private static void whenFirstFramePainted(Stage stage, Runnable action) {
        Scene scene = stage.getScene();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** Builds the scene into the given stage and shows it (also used by the TestFX tests). */
    public void show(Stage stage) {
        ResourceBundle strings = ResourceBundle.getBundle("i18n.strings");
        Catalog catalog = services.catalog().get();
        Theme theme = new Theme(preferences.node("theme"));
        theme.apply();
        RequirementsViewModel requirements = new RequirementsViewModel(catalog);
        RequirementsView navigator = new RequirementsView(requirements, strings);
        Map<Class<?>, Supplier<?>> controllers = Map.of(
                MainView.class, () -> new MainView(requirements, theme, catalog, strings),
                RequirementsView.class, () -> navigator,
                RequirementDetailView.class, () -> new RequirementDetailView(requirements, strings),
                StartView.class, StartView::new);
        FxmlLoaderFactory loader = new FxmlLoaderFactory(controllers, strings);
        Parent root = loader.load(MainView.class);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(WorkbenchApplication.class.getResource("common/workbench.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), navigator::focusSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.HOME, KeyCombination.ALT_DOWN),
                () -> requirements.selectedProperty().set(null));
        stage.setTitle(strings.getString("app.name"));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        new WindowState(preferences.node("window")).manage(stage, 1280, 800);
        stage.show();
    }
}
