package org.fr3workbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.fr3workbench.App;

/**
 * One {@code fr3} invocation through {@link Fr3Command#execute(App, PrintWriter, PrintWriter, String...)}.
 *
 * @param exit exit code
 * @param out  standard output
 * @param err  standard error
 */
record Fr3Run(int exit, String out, String err) {

    static Fr3Run run(App app, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Fr3Command.execute(app, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Fr3Run(exit, out.toString(), err.toString());
    }
}
