package org.fr3workbench.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by {@code socat} (a null-modem cable in software): the workbench opens one
 * end as its serial port, a simulated device console talks on the other.
 */
public final class SocatPtyPair implements AutoCloseable {

    private final Process socat;
    private final Path host;
    private final Path device;

    private SocatPtyPair(Process socat, Path host, Path device) {
        this.socat = socat;
        this.host = host;
        this.device = device;
    }

    /** Starts {@code socat -d -d pty,raw,echo=0,link=DIR/host pty,raw,echo=0,link=DIR/device}. */
    public static SocatPtyPair start(Path dir) throws IOException, InterruptedException {
        Path socatPath = Peers.require("socat", "socat");
        Path host = dir.resolve("host-tty");
        Path device = dir.resolve("device-tty");
        Process process = new ProcessBuilder(socatPath.toString(), "-d", "-d",
                "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(host) && Files.exists(device))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("socat did not create the pty pair: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(20);
        }
        return new SocatPtyPair(process, host, device);
    }

    /** The end the workbench opens, resolved to its {@code /dev/pts/N}. */
    public Path hostSide() throws IOException {
        return host.toRealPath();
    }

    /** The end the simulated device uses. */
    public Path deviceSide() throws IOException {
        return device.toRealPath();
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socat.destroyForcibly();
        }
    }
}
