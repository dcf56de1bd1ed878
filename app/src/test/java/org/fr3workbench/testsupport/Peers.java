package org.fr3workbench.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real peers that integration tests run against (sshd, socat, openssl, pdfsig ...).
 * In CI ({@code CI=true}) a missing peer fails the test: {@code .ci/run} installs them all. On a
 * developer machine the test is aborted with the package to install, so that the README's test
 * command still works with only a JDK.
 */
public final class Peers {

    private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/sbin", "/usr/local/sbin");

    private Peers() {
    }

    /** Returns the executable's path, or fails (CI) / aborts (elsewhere) naming the Debian package to install. */
    public static Path require(String executable, String debianPackage) {
        Optional<Path> found = find(executable);
        if (found.isPresent()) {
            return found.get();
        }
        String message = "'" + executable + "' is not installed: install the Debian package '" + debianPackage
                + "' (see .ci/run, which installs every test peer)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    /** The executable on PATH or in the sbin directories, if any. */
    public static Optional<Path> find(String executable) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        return dirs.stream().filter(d -> !d.isBlank()).map(d -> Path.of(d, executable))
                .filter(Files::isExecutable).findFirst();
    }
}
