package org.fr3workbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Documents {@code fr3 gui [FILE]}; the launcher opens the window before picocli runs. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the workbench window (the default with no command).")
final class GuiCommand implements Runnable {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "An assessment file (*.fr3) to open.")
    private String file;

    @Override
    public void run() {
        // Reached only through 'fr3 gui --help' style parsing; App handles 'gui' before picocli.
    }
}
