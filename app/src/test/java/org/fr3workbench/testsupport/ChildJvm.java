package org.fr3workbench.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a main class of the test class path in a child JVM: the same {@code java} and class path
 * as the running tests. For tests that need a second process (file locks, crash recovery).
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code mainClass} with the arguments; stderr goes to {@code errorLog}. */
    public static Process start(Class<?> mainClass, Path errorLog, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
        // Quick start: C1 only, serial GC, no logging back end (the child reports on stdout and stderr).
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(errorLog.toFile()).start();
    }

    /** A reader of the child's standard output. */
    public static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
