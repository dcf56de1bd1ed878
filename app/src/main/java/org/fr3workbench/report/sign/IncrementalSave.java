package org.fr3workbench.report.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * PDFBox's incremental save writes a copy of the whole original file, then the update. For a dossier of
 * a few hundred megabytes that copy is a full extra read and write; this keeps only the update (a few
 * kilobytes) and appends it to the original file once the document is closed. The bytes a signature
 * covers are the same either way: PDFBox hashes the original file and the update as it saves.
 */
final class IncrementalSave {

    private IncrementalSave() {
    }

    /** Runs the incremental save of a document loaded from a file of {@code originalLength} bytes; returns the update. */
    static byte[] update(PDDocument doc, long originalLength) throws IOException {
        UpdateOnly out = new UpdateOnly(originalLength);
        doc.saveIncremental(out);
        if (out.skipped != originalLength || out.update.size() == 0) {
            throw new IOException("unexpected incremental save: " + out.skipped + " bytes of the original file written back, "
                    + originalLength + " expected");
        }
        return out.update.toByteArray();
    }

    /** Appends an update to the file and forces it to disk. */
    static void append(Path file, byte[] update) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(update);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Drops the copy of the original file that PDFBox writes first and keeps the rest. */
    private static final class UpdateOnly extends OutputStream {
        private final long originalLength;
        private final ByteArrayOutputStream update = new ByteArrayOutputStream();
        private long skipped;

        UpdateOnly(long originalLength) {
            this.originalLength = originalLength;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int skip = (int) Math.min(len, originalLength - skipped);
            skipped += skip;
            if (len > skip) {
                update.write(b, off + skip, len - skip);
            }
        }
    }
}
