package org.fr3workbench.probe;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs commands on a target and keeps a transcript of each, in order, as evidence. */
public final class TranscriptRecorder {

    private final ProbeTarget target;
    private final Clock clock;
    private final List<ProbeTranscript> transcripts = new ArrayList<>();

    public TranscriptRecorder(ProbeTarget target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    /** Runs {@code command} and records it under {@code label}. */
    public ExecResult exec(String label, String command, Duration timeout) throws IOException, InterruptedException {
        Instant started = clock.instant();
        ExecResult result = target.exec(command, timeout);
        transcripts.add(new ProbeTranscript(label, command, started, Duration.between(started, clock.instant()), result));
        return result;
    }

    /** The transcripts so far. */
    public List<ProbeTranscript> transcripts() {
        return List.copyOf(transcripts);
    }

    /** The target the commands go to. */
    public ProbeTarget target() {
        return target;
    }
}
