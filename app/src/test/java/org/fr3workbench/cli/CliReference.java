package org.fr3workbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fr3workbench.App;
import picocli.CommandLine;

/**
 * Generates {@code docs/cli-reference.md} from the picocli model, so the reference cannot drift from
 * the code. {@code CliReferenceTest} fails when the committed file is stale; regenerate with
 * {@code tools/cli-reference.sh}.
 */
public final class CliReference {

    private CliReference() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/cli-reference.md");
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    /** The whole reference as Markdown. */
    public static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# CLI reference\n\n")
                .append("<!-- Generated from the picocli model by tools/cli-reference.sh; do not edit by hand. -->\n\n")
                .append("`fr3` is the command line of FR3 Workbench (`java -jar app/target/fr3.jar` in a build, `fr3` ")
                .append("once installed). With no command it opens the workbench window. Every command takes ")
                .append("`--help`.\n\n")
                .append("Exit codes: **0** success, **1** a check failed (verification, policy, step), ")
                .append("**2** bad usage or bad input (the message names what and where; nothing is changed).\n\n")
                .append("Machine-readable output (`--json`) is stable; its fields are described with each feature: ")
                .append("[catalog](catalog-format.md), [assessment file](assessment-file.md) (`status`, `verify`), ")
                .append("[dossier](dossier.md) (`verify-dossier`), [TLS scan](tls-scanner.md) (`tls-scan`)")
                .append(".\n\n");
        CommandLine root = Fr3Command.commandLine(new App());
        root.setUsageHelpWidth(100);
        append(md, root);
        return md.toString();
    }

    private static void append(StringBuilder md, CommandLine command) {
        String name = command.getCommandSpec().qualifiedName();
        md.append("## `").append(name).append("`\n\n```\n")
                .append(command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing())
                .append("\n```\n\n");
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                append(md, sub);
            }
        }
    }
}
