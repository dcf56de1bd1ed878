package org.fr3workbench;

/**
 * The plain entry point of {@code fr3.jar}: with no arguments (or {@code gui [FILE]}) it opens the
 * workbench window, otherwise it runs the command line. It is deliberately not a JavaFX
 * {@code Application} so that the application runs from the class path without a module path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        AppDirectories.configureLogging();
        App app = new App();
        System.exit(app.run(args));
    }
}
