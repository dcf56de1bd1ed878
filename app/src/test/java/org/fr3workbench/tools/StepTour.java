package org.fr3workbench.tools;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;

/** The step runner part of the screenshot tour: a completed run with real output, and the SL-C popover. */
final class StepTour {

    private StepTour() {
    }

    /** Saves a scene or the last popup to a file. */
    interface Saver {
        void save(Scene scene, Path file) throws Exception;
    }

    /** Saves the last popup window. */
    interface PopupSaver {
        void save(Path file) throws Exception;
    }

    /** Runs an action on the FX thread and waits. */
    interface OnFx {
        void run(Runnable action) throws Exception;
    }

    static void run(Scene scene, Path out, OnFx onFx, Saver save, PopupSaver savePopup) throws Exception {
        onFx.run(() -> ((TabPane) scene.lookup(".requirement-tabs")).getSelectionModel().select(1));
        onFx.run(() -> ((SplitPane) scene.lookup(".main-view SplitPane")).setDividerPositions(0.27));
        TimeUnit.SECONDS.sleep(2);
        ListView<?> steps = (ListView<?>) scene.lookup(".step-list");
        onFx.run(() -> steps.getSelectionModel().select(4));
        onFx.run(() -> ((Button) scene.lookup("#runButton")).fire());
        TimeUnit.SECONDS.sleep(3);
        onFx.run(() -> steps.getSelectionModel().select(0));
        onFx.run(() -> ((Button) scene.lookup("#runButton")).fire());
        TimeUnit.SECONDS.sleep(3);
        save.save(scene, out.resolve("step-runner.png"));
        onFx.run(() -> steps.getSelectionModel().select(4));
        TimeUnit.SECONDS.sleep(1);
        save.save(scene, out.resolve("step-runner-fail.png"));
        onFx.run(() -> ((Button) scene.lookup(".capability-button")).fire());
        TimeUnit.SECONDS.sleep(1);
        savePopup.save(out.resolve("capability.png"));
        onFx.run(() -> ((Button) scene.lookup(".capability-button")).fire());
        onFx.run(() -> ((TabPane) scene.lookup(".requirement-tabs")).getSelectionModel().select(0));
    }
}
