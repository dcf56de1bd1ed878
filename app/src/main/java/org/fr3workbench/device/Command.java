package org.fr3workbench.device;

import java.util.List;
import java.util.Objects;

/**
 * What to run: either an argument list (no shell involved on the local machine; quoted word by word where a
 * remote shell must parse it) or an explicit shell script.
 */
public sealed interface Command {

    /** The command as a shell would read it: used for remote channels and in transcripts. */
    String shellText();

    /** An argument list, e.g. {@code Command.of("openssl", "s_client", "-connect", host + ":4433")}. */
    static Command of(String... argv) {
        return new Argv(List.of(argv));
    }

    /** An argument list. */
    static Command of(List<String> argv) {
        return new Argv(argv);
    }

    /** Shell text, run by {@code /bin/sh -c} locally or by the login shell on a device. */
    static Command shell(String script) {
        return new Shell(script);
    }

    /** An argument list; the program is {@code argv.get(0)}. */
    record Argv(List<String> argv) implements Command {
        public Argv {
            argv = List.copyOf(argv);
            if (argv.isEmpty() || argv.getFirst().isBlank()) {
                throw new IllegalArgumentException("a command needs at least a program name");
            }
        }

        @Override
        public String shellText() {
            return ShellQuote.join(argv);
        }
    }

    /** Shell text. */
    record Shell(String script) implements Command {
        public Shell {
            Objects.requireNonNull(script, "script");
            if (script.isBlank()) {
                throw new IllegalArgumentException("an empty shell command");
            }
            if (script.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a shell command cannot contain a NUL character");
            }
        }

        @Override
        public String shellText() {
            return script;
        }
    }
}
