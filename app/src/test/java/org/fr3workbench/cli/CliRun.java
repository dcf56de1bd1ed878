package org.fr3workbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.fr3workbench.App;

/** Runs {@code fr3 ARGS} in-process and keeps the exit code and both outputs. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(App app, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Fr3Command.execute(app, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun of(String... args) {
        return of(new App(), args);
    }
}
