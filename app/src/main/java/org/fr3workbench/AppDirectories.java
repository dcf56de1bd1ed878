package org.fr3workbench;

import java.nio.file.Path;
import java.util.Locale;

/** Per-user directories of the application, following each operating system's convention. */
public final class AppDirectories {

    private static final String NAME = "fr3-workbench";

    private AppDirectories() {
    }

    /** Where the rolling diagnostic log is written (never evidence, never secrets). */
    public static Path logDirectory() {
        String override = System.getProperty("fr3.log.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return dataDirectory().resolve("logs");
    }

    /** The per-user data directory: XDG on Linux, Application Support on macOS, LOCALAPPDATA on Windows. */
    public static Path dataDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, NAME);
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", NAME);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve(NAME);
    }

    /** Points logback.xml at the log directory; must run before the first logger is created. */
    static void configureLogging() {
        System.setProperty("fr3.log.dir", logDirectory().toString());
    }
}
