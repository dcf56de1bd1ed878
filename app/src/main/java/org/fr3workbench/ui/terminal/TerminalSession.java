package org.fr3workbench.ui.terminal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.InteractiveConsole;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ProgressMonitor;

/**
 * One interactive terminal on a device channel and its recording. Blocking methods (open, cut, close) run on workers;
 * the evidence is written with {@link #store} on the assessment's store worker.
 */
final class TerminalSession {

    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String CAST = "application/x-asciicast";

    private final DeviceChannel channel;
    private final Path recordingDirectory;
    private final Clock clock;
    private SessionRecording recording;
    private ConsoleConnector connector;

    TerminalSession(DeviceChannel channel, Path recordingDirectory, Clock clock) {
        this.channel = channel;
        this.recordingDirectory = recordingDirectory;
        this.clock = clock;
    }

    /** Opens the device's console on a terminal of this size and starts recording. Worker thread. */
    ConsoleConnector open(int columns, int rows) throws DeviceException, IOException {
        InteractiveConsole console = channel.openConsole(columns, rows);
        try {
            recording = new SessionRecording(recordingDirectory, channel.description(), channel.redactor(), clock, columns, rows);
        } catch (IOException e) {
            console.close();
            throw e;
        }
        connector = new ConsoleConnector(console, recording, channel.description());
        return connector;
    }

    String description() {
        return channel.description();
    }

    /** Ends the current recording segment (recording goes on); {@code null} when nothing was printed since the last. */
    SessionRecording.Segment cut() throws IOException {
        return recording.cut();
    }

    /** Closes the console and ends the recording; returns the last segment or {@code null}. Worker thread. */
    SessionRecording.Segment close() throws IOException {
        if (connector != null) {
            connector.close();
        }
        return recording == null ? null : recording.closeAndTake();
    }

    /** Notes a capture in the recording (a chapter marker in players). */
    void marker(String label) {
        try {
            recording.marker(label);
        } catch (IOException e) {
            // the marker is a convenience; the capture itself is stored regardless
        }
    }

    /** Stores a segment as two evidence items: the plain-text transcript and the asciicast. Store worker. */
    void store(AssessmentStore store, SessionRecording.Segment segment, String actor) throws IOException {
        String caption = "Interactive terminal on " + channel.description() + ", " + segment.started() + " to " + segment.ended();
        String header = "# interactive terminal on " + channel.description() + "\n# started " + segment.started() + ", ended "
                + segment.ended() + "\n";
        store.evidence().add(NewEvidence.of(EvidenceKind.TRANSCRIPT, "", "terminal-" + segment.number() + ".txt", TEXT, caption,
                channel.description(), segment.started()), text(header + segment.text()), actor, ProgressMonitor.NONE);
        try (InputStream cast = Files.newInputStream(segment.cast())) {
            store.evidence().add(NewEvidence.of(EvidenceKind.TRANSCRIPT, "", "terminal-" + segment.number() + ".cast", CAST,
                    caption + " (asciicast v2 recording)", channel.description(), segment.started()), cast, actor,
                    ProgressMonitor.NONE);
        }
        Files.deleteIfExists(segment.cast());
    }

    /** Stores selected terminal text (secrets redacted) with the assessor's caption. Store worker. */
    void storeSelection(AssessmentStore store, String selected, String caption, Instant capturedAt, String actor)
            throws IOException {
        String redacted = channel.redactor().redact(selected);
        store.evidence().add(NewEvidence.of(EvidenceKind.TRANSCRIPT, "", "terminal-selection.txt", TEXT, caption,
                channel.description(), capturedAt), text(redacted), actor, ProgressMonitor.NONE);
    }

    private static InputStream text(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    Instant now() {
        return clock.instant();
    }
}
