package org.fr3workbench.device;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A connection to the device under assessment (SSH, serial console) or to the assessor's own machine.
 * Every method blocks the calling thread: run it on a worker, never on the FX thread.
 * Implementations: {@code ssh.SshChannel}, {@code serial.SerialChannel}, {@code local.LocalChannel}.
 */
public interface DeviceChannel extends AutoCloseable {

    /** What this channel talks to, for transcripts and logs, e.g. {@code ssh root@192.0.2.7:22}. */
    String description();

    /** OpenSSH SHA-256 fingerprint of the verified host key; empty for channels without one. */
    Optional<String> hostKeyFingerprint();

    /**
     * Runs one command. Output streams to the request's listener and into the result's spool; the outcome
     * (exited, timed out, cancelled, connection lost) is in the transcript. On timeout and cancellation the
     * command is killed on the device.
     *
     * @throws DeviceException when the command could not be started at all (not connected, no shell)
     */
    CommandResult run(CommandRequest request) throws DeviceException;

    /** Copies a local file to the device, replacing {@code remotePath}. */
    void upload(Path localFile, String remotePath) throws DeviceException;

    /** Copies a device file to {@code localFile}, replacing it. */
    void download(String remotePath, Path localFile) throws DeviceException;

    /** Opens an interactive shell on a terminal of the given size. */
    InteractiveConsole openConsole(int columns, int rows) throws DeviceException;

    /**
     * Re-establishes the session after the device went away (reboot, power cycle), retrying until
     * {@code timeout}. Security checks apply as on first connect: a changed host key fails at once.
     */
    void reconnect(Duration timeout, ReconnectListener listener, Cancellation cancellation) throws DeviceException;

    /**
     * The session's secrets as a redactor, for recordings made outside the channel (an {@link AsciicastWriter}
     * of the interactive console). Cleared when the channel closes.
     */
    Redactor redactor();

    /** Whether the session is believed to be up. */
    boolean isConnected();

    /** Reads the device's identity (host key, hostname, kernel, os-release, machine id). */
    default IdentityCapture identify(String serialNumber, String firmwareVersion) throws DeviceException {
        return new IdentityReader(java.time.Clock.systemUTC()).read(this, serialNumber, firmwareVersion);
    }

    /** Closes the session and overwrites the channel's copies of the secrets. */
    @Override
    void close();
}
