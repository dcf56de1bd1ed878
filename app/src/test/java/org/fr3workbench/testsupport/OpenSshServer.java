package org.fr3workbench.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code sshd} on 127.0.0.1 for tests: its own config, host key and authorized_keys in a temp
 * directory, started in the foreground ({@code -D -e}) as a child of the test JVM. Tests log in as a throw-away
 * local user ({@code useradd}, shell {@code /bin/sh}, password {@link TestSecrets#SSH_PASSWORD}, the generated
 * client keys authorised) that {@link #close()} deletes again. Not root: root's login shell on a developer
 * machine may run rc files (pyenv, conda) that a killed session leaves locked.
 */
public final class OpenSshServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Path dir;
    private final Path sshd;
    private final int port;
    private final List<String> users = new ArrayList<>();
    private String user;
    private Path hostKey;
    private Process process;
    private boolean sftp = true;
    private boolean rootLogin;

    private OpenSshServer(Path dir, Path sshd, int port) {
        this.dir = dir;
        this.sshd = sshd;
        this.port = port;
    }

    /** Generates keys and config in {@code dir} and starts sshd on a free port. */
    public static OpenSshServer start(Path dir) throws IOException, InterruptedException {
        Path sshd = Peers.require("sshd", "openssh-server");
        Peers.require("ssh-keygen", "openssh-client");
        ensurePrivilegeSeparationDirectory();
        Files.createDirectories(dir);
        // sshd reads authorized_keys as the (unprivileged) test user: let it through the temp directories.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path parent = dir.toAbsolutePath().getParent();
        Set<PosixFilePermission> parentPermissions = new HashSet<>(Files.getPosixFilePermissions(parent));
        parentPermissions.addAll(Set.of(PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
        Files.setPosixFilePermissions(parent, parentPermissions);
        OpenSshServer server = new OpenSshServer(dir, sshd, freePort());
        server.hostKey = server.generateKey("host_ed25519", "ed25519", "", false);
        server.generateKey("client_ed25519", "ed25519", "", false);
        server.generateKey("client_ed25519_pass", "ed25519", "open sesame 1", false);
        server.generateKey("client_rsa_pem_pass", "rsa", "pem pass 2", true);
        List<String> authorized = new ArrayList<>();
        for (String key : List.of("client_ed25519", "client_ed25519_pass", "client_rsa_pem_pass")) {
            authorized.add(Files.readString(dir.resolve(key + ".pub")).strip());
        }
        Files.write(dir.resolve("authorized_keys"), authorized);
        server.user = server.createUser(TestSecrets.SSH_PASSWORD);
        try {
            server.start();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    /** The test user's home directory (writable by the user). */
    public Path home() {
        return dir.resolve("home-" + user);
    }

    /** The test user (shell /bin/sh, password {@link TestSecrets#SSH_PASSWORD}, client keys authorised). */
    public String user() {
        return user;
    }

    public Path dir() {
        return dir;
    }

    /** The unencrypted OpenSSH-format ed25519 client key authorised for every user. */
    public Path clientKey() {
        return dir.resolve("client_ed25519");
    }

    /** OpenSSH-format ed25519 key with passphrase {@code open sesame 1}. */
    public Path clientKeyWithPassphrase() {
        return dir.resolve("client_ed25519_pass");
    }

    /** PEM (PKCS#1) RSA key with passphrase {@code pem pass 2}. */
    public Path pemKeyWithPassphrase() {
        return dir.resolve("client_rsa_pem_pass");
    }

    /** The host key's fingerprint as {@code ssh-keygen -lf} prints it. */
    public String hostFingerprint() throws IOException, InterruptedException {
        String line = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", hostKey + ".pub"));
        return line.split(" ")[1];
    }

    /** Serves SFTP or not (applies on the next start). */
    public void setSftp(boolean enabled) {
        sftp = enabled;
    }

    /** Allows key logins of uid-0 accounts (applies on the next start); the procedure tests log in as a root alias. */
    public void setRootLogin(boolean allowed) {
        this.rootLogin = allowed;
    }

    /** Replaces the host key by a new one (applies on the next start): a "changed host key". */
    public void regenerateHostKey() throws IOException, InterruptedException {
        Files.deleteIfExists(hostKey);
        Files.deleteIfExists(Path.of(hostKey + ".pub"));
        hostKey = generateKey("host_ed25519", "ed25519", "", false);
    }

    /** Adds a local user with a password and a home in the temp dir; removed by {@link #close()}. */
    private String createUser(String password) throws IOException, InterruptedException {
        String name = "fr3t" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Path home = Files.createDirectories(dir.resolve("home-" + name));
        run(List.of("useradd", "-M", "-d", home.toString(), "-s", "/bin/sh", name));
        users.add(name);
        run(List.of("chown", name + ":", home.toString()));
        Process chpasswd = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
        chpasswd.getOutputStream().write((name + ":" + password + "\n").getBytes(StandardCharsets.UTF_8));
        chpasswd.getOutputStream().close();
        String out = new String(chpasswd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (chpasswd.waitFor() != 0) {
            throw new IOException("chpasswd failed: " + out);
        }
        return name;
    }

    /** Starts (or restarts) sshd with the current config. */
    public void start() throws IOException, InterruptedException {
        writeConfig();
        Path log = dir.resolve("sshd.log");
        process = new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("sshd did not listen on port " + port + ": " + Files.readString(log));
    }

    /** Kills sshd and every session process under it, like a device that loses power. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public String log() throws IOException {
        Path log = dir.resolve("sshd.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws IOException {
        kill();
        for (String user : users) {
            for (String pid : run(List.of("sh", "-c", "pgrep -u " + user + " || true")).split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            run(List.of("userdel", user));
        }
        users.clear();
    }

    private void writeConfig() throws IOException {
        List<String> config = new ArrayList<>(List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin " + (rootLogin ? "prohibit-password" : "no"),
                "PasswordAuthentication yes",
                "KbdInteractiveAuthentication no",
                "UseDNS no",
                "LogLevel VERBOSE"));
        if (sftp) {
            config.add("Subsystem sftp internal-sftp");
        }
        Files.write(dir.resolve("sshd_config"), config);
    }

    private Path generateKey(String name, String type, String passphrase, boolean pem)
            throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C",
                name, "-f", key.toString()));
        if (pem) {
            command.addAll(List.of("-m", "PEM", "-b", "2048"));
        }
        run(command);
        return key;
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
        return out.strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * sshd refuses to start without its privilege separation directory, which the package's tmpfiles.d entry
     * creates at boot (a container without systemd lacks it). Created when missing and left in place: removing
     * it would break any other sshd running on the machine.
     */
    private static void ensurePrivilegeSeparationDirectory() throws IOException {
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep)) {
            Files.createDirectories(privsep);
        }
    }
}
