package org.fr3workbench.device.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.xfer.FileSystemFile;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.Pump;
import org.fr3workbench.device.ShellQuote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File transfer over SFTP, or, where the device has no SFTP subsystem (many embedded sshds), over an exec
 * channel: {@code cat > FILE} with the bytes on standard input, {@code cat FILE} for the way back. The cat path
 * checks the exit status and compares the size with {@code wc -c}.
 */
final class SshFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SshFiles.class);
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(30);

    private final SshChannel channel;
    private volatile boolean sftpMissing;

    SshFiles(SshChannel channel) {
        this.channel = channel;
    }

    /** Whether the last attempt found no SFTP subsystem (transfers go through cat). */
    boolean usesCat() {
        return sftpMissing;
    }

    void upload(Path local, String remote) throws DeviceException {
        if (!Files.isRegularFile(local) || !Files.isReadable(local)) {
            throw new DeviceException("cannot upload " + local + ": not a readable file");
        }
        SFTPClient sftp = openSftp();
        if (sftp == null) {
            catUpload(local, remote);
            return;
        }
        try (sftp) {
            sftp.put(new FileSystemFile(local.toFile()), remote);
        } catch (IOException e) {
            throw new DeviceException("cannot upload " + local + " to " + remote + " on " + channel.description()
                    + ": " + SshConnector.safeMessage(e), e);
        }
    }

    void download(String remote, Path local) throws DeviceException {
        Path temp = tempBeside(local);
        try {
            SFTPClient sftp = openSftp();
            if (sftp == null) {
                catDownload(remote, temp);
            } else {
                try (sftp) {
                    sftp.get(remote, new FileSystemFile(temp.toFile()));
                }
            }
            Files.move(temp, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DeviceException("cannot download " + remote + " from " + channel.description() + " to "
                    + local + ": " + SshConnector.safeMessage(e), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** An SFTP client, or null when the device has no SFTP subsystem. */
    private SFTPClient openSftp() throws DeviceException {
        if (sftpMissing) {
            return null;
        }
        try {
            return channel.client().newSFTPClient();
        } catch (IOException e) {
            if (!channel.client().isConnected()) {
                throw new DeviceException("cannot transfer files: " + channel.description() + " is not connected", e);
            }
            LOG.info("{} has no SFTP subsystem ({}); transferring files with cat", channel.description(),
                    SshConnector.safeMessage(e));
            sftpMissing = true;
            return null;
        }
    }

    private void catUpload(Path local, String remote) throws DeviceException {
        long size;
        try (Session session = channel.client().startSession()) {
            Session.Command cat = session.exec("cat > " + ShellQuote.quote(remote));
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Pump err = Pump.start("ssh-cat-stderr", cat.getErrorStream(), errors);
            try (InputStream in = Files.newInputStream(local); OutputStream toDevice = cat.getOutputStream()) {
                size = in.transferTo(toDevice);
            }
            cat.join(TRANSFER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            err.await(Duration.ofSeconds(5));
            requireSuccess(cat, "cat > " + remote, errors);
        } catch (IOException e) {
            throw new DeviceException("cannot upload " + local + " to " + remote + " on " + channel.description()
                    + " with cat: " + SshConnector.safeMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted while uploading " + local, e);
        }
        checkSize(remote, size);
    }

    private void catDownload(String remote, Path temp) throws DeviceException, IOException {
        try (Session session = channel.client().startSession();
             OutputStream file = Files.newOutputStream(temp)) {
            Session.Command cat = session.exec("cat " + ShellQuote.quote(remote));
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Pump err = Pump.start("ssh-cat-stderr", cat.getErrorStream(), errors);
            Pump out = Pump.start("ssh-cat-stdout", cat.getInputStream(), file);
            if (!out.await(TRANSFER_TIMEOUT)) {
                throw new DeviceException("download of " + remote + " did not finish within " + TRANSFER_TIMEOUT);
            }
            if (out.failure() != null) {
                throw out.failure();
            }
            err.await(Duration.ofSeconds(5));
            cat.join(10, TimeUnit.SECONDS);
            requireSuccess(cat, "cat " + remote, errors);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted while downloading " + remote, e);
        }
        checkSize(remote, Files.size(temp));
    }

    private void requireSuccess(Session.Command cat, String what, ByteArrayOutputStream errors) throws DeviceException {
        Integer status = cat.getExitStatus();
        if (status == null || status != 0) {
            throw new DeviceException("'" + what + "' failed on " + channel.description() + " (exit status "
                    + status + "): " + errors.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private void checkSize(String remote, long expected) throws DeviceException {
        String reported = channel.runForText("wc -c < " + ShellQuote.quote(remote)).strip();
        if (!reported.equals(Long.toString(expected))) {
            throw new DeviceException("size check of " + remote + " on " + channel.description() + " failed: "
                    + expected + " bytes transferred, device reports '" + reported + "'");
        }
    }

    private static Path tempBeside(Path local) throws DeviceException {
        try {
            Path dir = local.toAbsolutePath().getParent();
            return Files.createTempFile(dir, "." + local.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new DeviceException("cannot write to " + local + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: a stale .part file is harmless
        }
    }
}
