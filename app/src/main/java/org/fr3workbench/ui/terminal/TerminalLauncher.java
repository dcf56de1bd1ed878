package org.fr3workbench.ui.terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.ui.assessment.AssessmentSession;
import org.fr3workbench.ui.common.FxmlLoaderFactory;
import org.fr3workbench.ui.common.Tasks;

/**
 * Opens the terminal pane for a channel in a window of its own (one per channel: a serial console has only one).
 * Closing the window ends the console and stores the recording as evidence.
 */
public final class TerminalLauncher {

    private final AssessmentSession assessment;
    private final Tasks background;
    private final FxmlLoaderFactory loader;
    private final Supplier<Window> owner;
    private final Map<DeviceChannel, Stage> open = new IdentityHashMap<>();
    private Path recordings;

    public TerminalLauncher(AssessmentSession assessment, Tasks background, FxmlLoaderFactory loader, Supplier<Window> owner) {
        this.assessment = assessment;
        this.background = background;
        this.loader = loader;
        this.owner = owner;
    }

    /** Opens (or brings to front) the terminal of {@code channel}. FX thread. */
    public void open(DeviceChannel channel) {
        Stage existing = open.get(channel);
        if (existing != null) {
            existing.toFront();
            existing.requestFocus();
            return;
        }
        TerminalView view = new TerminalView(new TerminalSession(channel, recordingDirectory(), Clock.systemUTC()), assessment,
                background, loader.strings());
        Parent root = loader.load(view);
        Stage stage = new Stage();
        stage.initOwner(owner.get());
        stage.setTitle(MessageFormat.format(loader.strings().getString("terminal.title"), channel.description()));
        Scene scene = new Scene(root, 960, 640);
        scene.getStylesheets().addAll(owner.get().getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(event -> {
            open.remove(channel);
            view.close();
        });
        open.put(channel, stage);
        stage.show();
    }

    /** Closes every terminal (the device was disconnected or the window closes). FX thread. */
    public void closeAll() {
        for (Stage stage : Map.copyOf(open).values()) {
            stage.hide();
        }
    }

    private Path recordingDirectory() {
        if (recordings == null) {
            try {
                recordings = Files.createTempDirectory("fr3-terminal-"); // private to the user (0700 on POSIX)
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for terminal recordings", e);
            }
        }
        return recordings;
    }
}
