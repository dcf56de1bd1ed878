package org.fr3workbench.report.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Streams the bytes a signature's /ByteRange names straight from the file. */
final class ByteRanges {

    private ByteRanges() {
    }

    static InputStream open(Path file, int[] range) throws IOException {
        return new SequenceInputStream(slice(file, range[0], range[1]), slice(file, range[2], range[3]));
    }

    private static InputStream slice(Path file, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        InputStream in = Channels.newInputStream(channel);
        return new InputStream() {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(buffer, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
