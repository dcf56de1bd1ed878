package org.fr3workbench.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real {@code openssl s_server} on 127.0.0.1 and a free port, for the TLS scanner's peer tests. */
public final class OpenSslServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private OpenSslServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Makes a self-signed certificate with {@code openssl req}; {@code keyArgs} e.g. {@code -newkey ec -pkeyopt ...}. */
    public static Path[] certificate(Path dir, String name, String digest, String... keyArgs) throws IOException, InterruptedException {
        Path key = dir.resolve(name + ".key");
        Path cert = dir.resolve(name + ".crt");
        List<String> command = new ArrayList<>(List.of(openssl(), "req", "-x509"));
        command.addAll(List.of(keyArgs));
        command.addAll(List.of("-" + digest, "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "30",
                "-subj", "/CN=" + name + ".test", "-addext", "subjectAltName=DNS:" + name + ".test,IP:127.0.0.1"));
        run(dir, command);
        return new Path[] {cert, key};
    }

    /** Starts {@code openssl s_server -www} with the certificate and the extra options; waits until it accepts. */
    public static OpenSslServer start(Path dir, Path[] certificate, String... options) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(openssl(), "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", certificate[0].toString(), "-key", certificate[1].toString(), "-www", "-quiet"));
        command.addAll(List.of(options));
        Path log = Files.createTempFile(dir, "s_server-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OpenSslServer server = new OpenSslServer(process, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("openssl s_server exited: " + Files.readString(log));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return server;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IllegalStateException("openssl s_server did not listen on port " + port + ": " + Files.readString(log));
    }

    /** The port it listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public static String openssl() {
        return Peers.require("openssl", "openssl").toString();
    }

    public static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
