package org.fr3workbench.probe;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A test "device": runs commands with the real {@code sh} on this machine inside a sandbox folder,
 * with {@code TMPDIR} in the sandbox (so {@code mktemp -d} and swupdate's scratch files stay there).
 * Uploads and removals outside the sandbox are refused, so a test can never touch the real /etc.
 */
public final class SandboxTarget implements ProbeTarget {

    private final Path root;
    private final Path tmp;

    public SandboxTarget(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = Files.createDirectories(this.root.resolve("tmp"));
    }

    /** The sandbox folder. */
    public Path root() {
        return root;
    }

    /** The sandbox's TMPDIR. */
    public Path tmp() {
        return tmp;
    }

    @Override
    public ExecResult exec(String command, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile(tmp, "exec", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null"));
            builder.environment().put("TMPDIR", tmp.toString());
            Process process = builder.start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    return new ExecResult(-1, Files.readString(log, StandardCharsets.ISO_8859_1), true);
                }
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw e;
            }
            return ExecResult.of(process.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Override
    public void upload(Path localPath, String remotePath) throws IOException {
        Files.copy(localPath, inside(remotePath), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void remove(String remotePath) throws IOException {
        Path path = inside(remotePath);
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Path inside(String remotePath) {
        Path path = Path.of(remotePath).toAbsolutePath().normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("the sandbox target refuses a path outside " + root + ": " + remotePath);
        }
        return path;
    }
}
