package org.fr3workbench.device.serial;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.ShellQuote;

/**
 * Small file transfers over the console, checked end to end with SHA-256. Upload: base64 chunks appended with
 * {@code printf} to {@code FILE.fr3part}, decoded with {@code base64 -d}, compared with {@code sha256sum}.
 * Download: {@code cat FILE} through the command framing (already exact), compared with {@code sha256sum}.
 * Needs {@code base64} and {@code sha256sum} on the device (coreutils or BusyBox).
 */
final class SerialFiles {

    /** Largest file moved over a console (at 115200 baud 1 MiB takes about two minutes). */
    static final long MAX_BYTES = 1024 * 1024;
    private static final int CHUNK_CHARS = 2048;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final SerialChannel channel;

    SerialFiles(SerialChannel channel) {
        this.channel = channel;
    }

    void upload(Path local, String remote) throws DeviceException {
        byte[] content;
        try {
            if (Files.size(local) > MAX_BYTES) {
                throw new DeviceException("cannot upload " + local + " over a serial console: " + Files.size(local)
                        + " bytes, the limit is " + MAX_BYTES);
            }
            content = Files.readAllBytes(local);
        } catch (IOException e) {
            throw new DeviceException("cannot read " + local + ": " + e.getMessage(), e);
        }
        String part = ShellQuote.quote(remote + ".fr3part");
        require(": > " + part, "create " + remote + ".fr3part");
        String encoded = Base64.getEncoder().encodeToString(content);
        for (int at = 0; at < encoded.length(); at += CHUNK_CHARS) {
            String chunk = encoded.substring(at, Math.min(encoded.length(), at + CHUNK_CHARS));
            require("printf '%s' " + chunk + " >> " + part, "append to " + remote + ".fr3part");
        }
        require("base64 -d " + part + " > " + ShellQuote.quote(remote) + " && rm -f " + part, "decode " + remote);
        verify(remote, sha256(content));
    }

    void download(String remote, Path local) throws DeviceException {
        String size = require("wc -c < " + ShellQuote.quote(remote), "size of " + remote).strip();
        try {
            if (Long.parseLong(size) > MAX_BYTES) {
                throw new DeviceException("cannot download " + remote + " over a serial console: " + size
                        + " bytes, the limit is " + MAX_BYTES);
            }
        } catch (NumberFormatException e) {
            throw new DeviceException("cannot read the size of " + remote + ": '" + size + "'", e);
        }
        Path temp;
        String hash;
        try (CommandResult cat = channel.runLocked(request("cat " + ShellQuote.quote(remote)))) {
            if (!cat.transcript().succeeded()) {
                throw new DeviceException("cannot read " + remote + " on " + channel.description() + ": "
                        + cat.stdoutText(500).strip());
            }
            temp = Files.createTempFile(local.toAbsolutePath().getParent(), "." + local.getFileName(), ".part");
            try (InputStream in = cat.output().stdout().open()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            hash = cat.transcript().stdout().sha256();
        } catch (IOException e) {
            throw new DeviceException("cannot write " + local + ": " + e.getMessage(), e);
        }
        try {
            verify(remote, hash);
            Files.move(temp, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DeviceException("cannot write " + local + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stale .part file is harmless
            }
        }
    }

    private void verify(String remote, String expected) throws DeviceException {
        String line = require("sha256sum " + ShellQuote.quote(remote), "checksum of " + remote).strip();
        String reported = line.split("\\s+")[0];
        if (!reported.equals(expected)) {
            throw new DeviceException("checksum mismatch for " + remote + " on " + channel.description() + ": sent "
                    + expected + ", device has " + reported);
        }
    }

    /** Runs a step; returns its output, or fails naming the step. */
    private String require(String script, String what) throws DeviceException {
        try (CommandResult result = channel.runLocked(request(script))) {
            String output = result.stdoutText(64 * 1024);
            if (!result.transcript().succeeded()) {
                throw new DeviceException("cannot " + what + " on " + channel.description() + " ("
                        + result.transcript().outcome() + " " + result.transcript().exitCode() + "): " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new DeviceException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static CommandRequest request(String script) {
        return CommandRequest.of(Command.shell(script), STEP_TIMEOUT);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
