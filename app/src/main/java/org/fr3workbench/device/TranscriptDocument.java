package org.fr3workbench.device;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.fr3workbench.domain.Transcript;

/**
 * A finished command as the text document stored as transcript evidence: a header with the command, channel and
 * start time, standard output, standard error and a footer with the outcome. Streamed from the spool files, so a
 * huge output is never held in memory. Used by {@code fr3 exec} and by the procedure engine.
 */
public final class TranscriptDocument {

    /** The media type of the document. */
    public static final String MEDIA_TYPE = "text/plain; charset=utf-8";

    private TranscriptDocument() {
    }

    /** Opens the document of a finished command; the caller closes the stream before closing the result. */
    public static InputStream open(CommandResult result) throws IOException {
        Transcript t = result.transcript();
        String header = "$ " + t.command() + "\n# " + t.channel() + ", started " + t.startedAt() + "\n";
        String middle = "\n# stderr:\n";
        String footer = "\n# ended " + t.endedAt() + ", " + t.outcome()
                + t.exitCode().stream().mapToObj(code -> ", exit code " + code).findFirst().orElse("") + "\n";
        return new SequenceInputStream(Collections.enumeration(List.of(text(header), result.output().stdout().open(),
                text(middle), result.output().stderr().open(), text(footer))));
    }

    private static InputStream text(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }
}
