package org.fr3workbench.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fr3workbench.device.ShellQuote;

/**
 * A confined stand-in for the device paths the bundled procedures touch: its own AIDE configuration, database and
 * test directory, its own audit log, and its own accounts, all in one temporary folder that the procedure
 * parameters point to. Accounts: an unprivileged test user (the {@code test-user} of CR 3.4 RE(1) and CR 3.9) and
 * a uid-0 alias with {@code /bin/sh} that the SSH connection logs in as (so that {@code su} to the test user needs
 * no password, as for root on a device). {@link #close()} deletes both accounts; the folder goes with the test's
 * temporary directory. Needs root, as the tests run here and in CI.
 */
final class ProcedureSandbox implements AutoCloseable {

    private static final String AIDE_CONFIG = """
            # FR3 Workbench test sandbox: a Debian-like AIDE configuration confined to %1$s
            @@x_include_setenv PATH /bin:/usr/bin
            database_in=file:%1$s/aide-db/aide.db
            database_out=file:%1$s/aide-db/aide.db.new
            database_new=file:%1$s/aide-db/aide.db.new
            OwnerMode = p+u+g+ftype
            VarFile = %2$s
            %1$s/watched VarFile
            """;

    final Path root;
    final String testUser;
    final String rootAlias;
    private final List<String> accounts = new ArrayList<>();

    /** @param modeBlind whether VarFile ignores permission changes: an AIDE policy that misses the tamper test */
    ProcedureSandbox(Path dir, boolean modeBlind) throws IOException {
        root = Files.createDirectories(dir.resolve("device"));
        traversable(dir);
        traversable(root);
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        testUser = "fr3u" + suffix;
        run("useradd", "-M", "-d", "/nonexistent", "-s", "/bin/sh", testUser);
        accounts.add(testUser);
        rootAlias = "fr3r" + suffix;
        Path home = Files.createDirectories(root.resolve("home-" + rootAlias));
        // password "*": no password login, yet not "locked" ("!"), which sshd refuses without PAM
        run("useradd", "-o", "-u", "0", "-g", "0", "-M", "-p", "*", "-d", home.toString(), "-s", "/bin/sh", rootAlias);
        accounts.add(rootAlias);
        Files.writeString(root.resolve("watched"), "product configuration\n");
        Files.writeString(aideConfig(), AIDE_CONFIG.formatted(root, modeBlind ? "n" : "OwnerMode+n+l+X"));
        Files.setPosixFilePermissions(aideConfig(), PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(root.resolve("aide-db"));
        traversable(root.resolve("aide-db"));
        run("aide", "-c", aideConfig().toString(), "--init");
        Files.move(root.resolve("aide-db/aide.db.new"), aideDb());
        Files.setPosixFilePermissions(aideDb(), PosixFilePermissions.fromString("rw-------"));
        Path audit = Files.createDirectories(root.resolve("audit"));
        Files.setPosixFilePermissions(audit, PosixFilePermissions.fromString("rwxr-x---"));
        Files.writeString(auditLog(), "type=DAEMON_START msg=audit(1.000:1): op=start ver=3.0.9 res=success\n");
        Files.setPosixFilePermissions(auditLog(), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(root.resolve("auditd.conf"), "log_file = " + auditLog() + "\n");
    }

    Path aideConfig() {
        return root.resolve("aide.conf");
    }

    Path aideDb() {
        return root.resolve("aide-db/aide.db");
    }

    Path auditLog() {
        return root.resolve("audit/audit.log");
    }

    /** The procedure parameters pointing into the sandbox (the library's defaults for everything else). */
    Map<String, String> parameters(Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        values.put("aide-config", aideConfig().toString());
        values.put("aide-db", aideDb().toString());
        values.put("aide-db-dir", root.resolve("aide-db").toString());
        values.put("aide-test-dir", root.resolve("aide-test").toString());
        values.put("test-user", testUser);
        values.put("audit-log", auditLog().toString());
        values.put("audit-dir", root.resolve("audit").toString());
        values.put("audit-config", root.resolve("auditd.conf").toString());
        values.put("audit-backup", root.resolve("audit.log.bkp").toString());
        return values;
    }

    /** A log-command parameter that prints these files (sh -c, as the procedures run it). */
    static String logCommand(Path... files) {
        StringBuilder command = new StringBuilder("cat");
        for (Path file : files) {
            command.append(' ').append(ShellQuote.quote(file.toString()));
        }
        return command.toString();
    }

    @Override
    public void close() throws IOException {
        for (String account : accounts) {
            // -f: the alias shares uid 0 with every root process, which userdel would otherwise refuse.
            run("userdel", "-f", account);
        }
        accounts.clear();
    }

    static boolean accountExists(String name) throws IOException {
        return Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8).stream()
                .anyMatch(line -> line.startsWith(name + ":"));
    }

    private static void traversable(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command[0], e);
        }
        return out;
    }
}
