package org.fr3workbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fr3 catalog ...}: the requirement catalog. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Show the FR 3 requirement catalog.")
final class CatalogCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'fr3 catalog list'");
    }
}
