package org.fr3workbench.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Looks at the processes of this machine (the test peers run here). */
public final class Processes {

    private Processes() {
    }

    /**
     * The pids {@code pgrep -f PATTERN} finds, waiting up to five seconds for them to disappear; empty when none
     * is left. Used to prove that a killed command is really gone.
     */
    public static String remaining(String pattern) throws IOException, InterruptedException {
        Peers.require("pgrep", "procps");
        String found = "";
        for (int i = 0; i < 50; i++) {
            Process p = new ProcessBuilder("pgrep", "-f", pattern).start();
            found = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            if (found.isEmpty()) {
                return found;
            }
            Thread.sleep(100);
        }
        return found;
    }
}
