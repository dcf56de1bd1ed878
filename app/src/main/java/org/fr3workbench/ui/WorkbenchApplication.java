package org.fr3workbench.ui;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
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
import org.fr3workbench.report.sample.SampleAssessment;
import org.slf4j.LoggerFactory;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.ui.assessment.AssessmentActions;
import org.fr3workbench.ui.assessment.AssessmentSession;
import org.fr3workbench.ui.capture.CaptureActions;
import org.fr3workbench.ui.capture.CaptureMenuView;
import org.fr3workbench.ui.capture.CaptureViewModel;
import org.fr3workbench.ui.common.DialogService;
import org.fr3workbench.ui.common.FxDialogService;
import org.fr3workbench.ui.common.FxmlLoaderFactory;
import org.fr3workbench.ui.common.RecentFiles;
import org.fr3workbench.ui.common.SerialExecutor;
import org.fr3workbench.ui.common.Tasks;
import org.fr3workbench.ui.evidence.EvidenceView;
import org.fr3workbench.ui.evidence.EvidenceViewModel;
import org.fr3workbench.ui.verdict.VerdictView;
import org.fr3workbench.ui.verdict.VerdictViewModel;
import org.fr3workbench.ui.common.Theme;
import org.fr3workbench.ui.connect.ConnectActions;
import org.fr3workbench.ui.connect.ConnectService;
import org.fr3workbench.ui.connect.ConnectionStatusView;
import org.fr3workbench.ui.connect.DeviceSession;
import org.fr3workbench.ui.terminal.TerminalLauncher;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.ui.common.WindowState;
import org.fr3workbench.ui.main.MainView;
import org.fr3workbench.ui.requirements.RequirementDetailView;
import org.fr3workbench.ui.requirements.RequirementsView;
import org.fr3workbench.ui.requirements.RequirementsViewModel;
import org.fr3workbench.ui.start.SampleDialog;
import org.fr3workbench.ui.start.SampleViewModel;
import org.fr3workbench.ui.start.StartView;
import org.fr3workbench.ui.tls.TlsScanServices;
import org.fr3workbench.ui.tls.TlsScanViewModel;
import org.fr3workbench.ui.tls.TlsScanWindow;
import org.fr3workbench.ui.steps.CapabilityView;
import org.fr3workbench.ui.steps.CapabilityViewModel;
import org.fr3workbench.ui.steps.FxStepPrompts;
import org.fr3workbench.ui.steps.ProgressHeaderView;
import org.fr3workbench.ui.steps.ProgressModel;
import org.fr3workbench.ui.steps.StepService;
import org.fr3workbench.ui.steps.StepsView;
import org.fr3workbench.ui.steps.StepsViewModel;
import org.fr3workbench.ui.steps.Texts;
import org.fr3workbench.engine.SecurityLevelCapability;

/**
 * Builds the workbench window from the services of the composition root. Starts the JavaFX
 * platform without an {@code Application} subclass, so no static hand-over of services is needed.
 */
public final class WorkbenchApplication {

    /**
     * What the GUI needs from the composition root.
     *
     * @param tls        the TLS scanner and its policies (ui/tls)
     * @param sample     the first-run sample of the start page (this computer through the local channel)
     * @param devices    the device connections (ui/connect)
     * @param procedures the procedure library (loaded on a worker)
     * @param steps      the procedure engine for an open assessment file
     */
    public record Services(Supplier<Catalog> catalog, Executor background, AssessmentFiles assessmentFiles, TlsScanServices tls,
                           Supplier<SampleAssessment> sample, Supplier<DeviceConnections> devices,
                           Supplier<org.fr3workbench.domain.ProcedureLibrary> procedures, StepService.Factory steps) {

        /**
         * Services for tests and tools: a TLS scanner of its own, no sample (the start page's sample action then reports
         * that it is unavailable), device channels that spool to a private temporary directory, and no procedures (the
         * step runner shows the planned steps only).
         */
        public Services(Supplier<Catalog> catalog, Executor background, AssessmentFiles assessmentFiles) {
            this(catalog, background, assessmentFiles, TlsScanServices.bundled(), () -> {
                throw new IllegalStateException("the sample assessment is not available here");
            }, temporaryDevices(), () -> new org.fr3workbench.domain.ProcedureLibrary("none", Map.of(), Map.of()),
                    (store, device) -> null);
        }

        public Services withSample(Supplier<SampleAssessment> other) {
            return new Services(catalog, background, assessmentFiles, tls, other, devices, procedures, steps);
        }

        public Services withDevices(Supplier<DeviceConnections> other) {
            return new Services(catalog, background, assessmentFiles, tls, sample, other, procedures, steps);
        }

        public Services withSteps(Supplier<org.fr3workbench.domain.ProcedureLibrary> library, StepService.Factory engine) {
            return new Services(catalog, background, assessmentFiles, tls, sample, devices, library, engine);
        }

        private static Supplier<DeviceConnections> temporaryDevices() {
            DeviceConnections[] created = new DeviceConnections[1];
            return () -> {
                synchronized (created) {
                    if (created[0] == null) {
                        try {
                            created[0] = new DeviceConnections(java.nio.file.Files.createTempDirectory("fr3-devices-"),
                                    java.time.Clock.systemUTC(), java.util.concurrent.Executors.newCachedThreadPool(
                                            Thread.ofPlatform().name("fr3-device-io-", 0).daemon(true).factory()));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    return created[0];
                }
            };
        }
    }

    private final Services services;
    private final Preferences preferences;
    private AssessmentActions actions;
    private EvidenceViewModel evidence;
    private TlsScanWindow tlsScan;
    private CaptureActions captureActions;
    private ConnectActions connect;
    private DeviceSession devices;
    private StartupTrace trace = new StartupTrace();

    public WorkbenchApplication(Services services, Preferences preferences) {
        this.services = services;
        this.preferences = preferences;
    }

    /** The preferences node of the GUI; tests use their own through {@code -Dfr3.prefs.node}. */
    public static Preferences defaultPreferences() {
        return Preferences.userRoot().node(System.getProperty("fr3.prefs.node", "fr3workbench"));
    }

    /**
     * Opens the main window and blocks until it is closed. The JavaFX toolkit is started first; the services are built
     * on the JavaFX thread once it runs, so that the caller's own start (logging, catalog) overlaps the toolkit's.
     *
     * @param services  builds the services (called once, on the JavaFX thread)
     * @param file      an assessment file to open, or {@code null}
     * @param smokeTest close the window right after its first frame (installer checks, start-up benchmark)
     * @param trace     receives the milestones of the start, the last one {@link StartupTrace#FIRST_FRAME}
     */
    public static void launch(Supplier<Services> services, Path file, boolean smokeTest, StartupTrace trace) {
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        trace.mark("toolkit requested");
        Platform.startup(() -> {
            trace.mark("toolkit started");
            WorkbenchApplication application = new WorkbenchApplication(services.get(), defaultPreferences());
            application.trace = trace;
            Stage stage = new Stage();
            stage.setOnHidden(event -> closed.countDown());
            application.show(stage);
            if (file != null) {
                application.actions.open(file);
            }
            whenFirstFramePainted(stage, () -> {
                trace.mark(StartupTrace.FIRST_FRAME);
                // The logger is looked up only now: the logging configuration loads on a worker during the start.
                LoggerFactory.getLogger(WorkbenchApplication.class).info("First frame {} ms after launch",
                        trace.firstFrame().toMillis());
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
        trace.mark("theme applied");
        DialogService dialogs = new FxDialogService(() -> stage);
        AssessmentSession session = new AssessmentSession(services.assessmentFiles(),
                new Tasks(new SerialExecutor(services.background())));
        RequirementsViewModel requirements = new RequirementsViewModel(catalog);
        VerdictViewModel verdict = new VerdictViewModel(session);
        verdict.requirementProperty().bind(requirements.selectedProperty());
        evidence = new EvidenceViewModel(session);
        evidence.requirementProperty().bind(requirements.selectedProperty());
        CaptureViewModel capture = new CaptureViewModel(session, java.time.Clock.systemDefaultZone());
        capture.requirementProperty().bind(requirements.selectedProperty());
        capture.selectedEvidenceProperty().bind(evidence.selectedProperty());
        captureActions = new CaptureActions(capture, dialogs, strings);
        Texts texts = new Texts(strings);
        ProgressModel progress = new ProgressModel(session, catalog, texts);
        StepsViewModel steps = new StepsViewModel(session, services.procedures(), services.steps(),
                new Tasks(services.background()), new FxStepPrompts(() -> stage, texts), Platform::runLater, texts);
        steps.requirementProperty().bind(requirements.selectedProperty());
        steps.onStepRecorded(progress::reload);
        CapabilityViewModel capability = new CapabilityViewModel(session, new SecurityLevelCapability(catalog));
        RequirementsView navigator = new RequirementsView(requirements, session, strings, progress);
        Map<Class<?>, Supplier<?>> controllers = new HashMap<>();
        FxmlLoaderFactory loader = new FxmlLoaderFactory(controllers, strings);
        actions = new AssessmentActions(session, dialogs, new RecentFiles(preferences.node("recent")), loader,
                catalog, new Tasks(services.background()), () -> stage);
        tlsScan = new TlsScanWindow(() -> new TlsScanViewModel(services.tls(), session, new Tasks(services.background())), loader,
                dialogs, () -> stage);
        Tasks deviceTasks = new Tasks(services.background());
        devices = new DeviceSession(services.background(), session.fileProperty());
        // The step runner runs device steps on the channel the connect dialog opened.
        steps.deviceSession().channelProperty().bind(devices.channelProperty());
        TerminalLauncher terminals = new TerminalLauncher(session, deviceTasks, loader, () -> stage);
        devices.channelProperty().addListener((obs, old, now) -> terminals.closeAll());
        connect = new ConnectActions(new ConnectService(services.devices(), session), devices, dialogs, loader, deviceTasks,
                () -> stage, terminals::open);
        controllers.put(ConnectionStatusView.class, () -> new ConnectionStatusView(devices, connect, strings));
        MainView main = new MainView(requirements, session, actions, connect, dialogs, theme, catalog, strings, tlsScan::show,
                new MainView.RequirementPages(() -> loader.load(RequirementDetailView.class), () -> loader.load(StepsView.class)));
        controllers.put(MainView.class, () -> main);
        controllers.put(RequirementsView.class, () -> navigator);
        controllers.put(RequirementDetailView.class, () -> new RequirementDetailView(requirements,
                session.infoProperty().isNotNull(), strings));
        SampleDialog sample = new SampleDialog(() -> new SampleViewModel(services.sample(), new Tasks(services.background()),
                Path.of(System.getProperty("user.home")), actions::open), loader, dialogs, () -> stage);
        controllers.put(StartView.class, () -> new StartView(actions, sample, strings));
        controllers.put(VerdictView.class, () -> new VerdictView(verdict, strings));
        controllers.put(EvidenceView.class, () -> new EvidenceView(evidence, dialogs, strings,
                item -> captureActions.annotate(item, stage)));
        controllers.put(CaptureMenuView.class, () -> new CaptureMenuView(capture, captureActions));
        controllers.put(StepsView.class, () -> new StepsView(steps, texts));
        controllers.put(ProgressHeaderView.class, () -> new ProgressHeaderView(progress, texts));
        controllers.put(CapabilityView.class, () -> new CapabilityView(capability, texts,
                id -> catalog.find(id).ifPresent(requirements.selectedProperty()::set)));
        trace.mark("models built");
        Parent root = loader.load(MainView.class);
        trace.mark("scene built");
        Scene scene = new Scene(root);
        scene.getStylesheets().add(WorkbenchApplication.class.getResource("common/workbench.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), navigator::focusSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), actions::newAssessment);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), actions::openChooser);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.HOME, KeyCombination.ALT_DOWN),
                () -> requirements.selectedProperty().set(null));
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> session.fileProperty().get() == null
                ? strings.getString("app.name")
                : session.fileProperty().get().getFileName() + " \u2013 " + strings.getString("app.name"), session.fileProperty()));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            terminals.closeAll();
            devices.disconnect();
            session.close();
        });
        new WindowState(preferences.node("window")).manage(stage, 1280, 800);
        stage.show();
        trace.mark("window shown");
        // The start page needs neither the procedures nor the requirement pages: they are built once the window is up,
        // queued behind whatever else waits for the first frame (the start-up trace's mark).
        whenFirstFramePainted(stage, () -> Platform.runLater(() -> {
            steps.loadProcedures();
            main.buildRequirementPages();
        }));
    }

    /** The evidence gallery's model of the shown window (tests add files without a native file chooser). */
    EvidenceViewModel evidenceModel() {
        return evidence;
    }

    /** The TLS scan window of the shown window (tests and the screenshot tour). */
    public TlsScanWindow tlsScan() {
        return tlsScan;
    }

    /** The capture flows of the shown window (tests and the screenshot tour drive them without the menu). */
    public CaptureActions captureActions() {
        return captureActions;
    }

    /** The device connection of the shown window (tests, screenshots). */
    public DeviceSession devices() {
        return devices;
    }

    /** The connect flow of the shown window (tests, screenshots). */
    public ConnectActions connectActions() {
        return connect;
    }

    /** The new/open flows of the shown window (for tests and the file given on the command line). */
    public AssessmentActions actions() {
        return actions;
    }
}
