package org.fr3workbench.device.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.fr3workbench.device.InteractiveConsole;

/**
 * The serial console handed to the assessor's terminal: what the device prints, and keystrokes back. The reader
 * thread never blocks on a slow terminal: beyond 1 MiB unread, the oldest bytes are dropped (the recording keeps
 * everything).
 */
final class SerialConsole implements InteractiveConsole {

    private static final int MAX_UNREAD = 1024 * 1024;

    private final ConsoleEngine engine;
    private final Runnable onClose;
    private final ByteArrayOutputStream unread = new ByteArrayOutputStream();
    private final OutputStream tap = new Tap();
    private final InputStream output = new Output();
    private boolean closed;

    SerialConsole(ConsoleEngine engine, Runnable onClose) {
        this.engine = engine;
        this.onClose = onClose;
    }

    /** Where the reader thread copies console bytes. */
    OutputStream tapSink() {
        return tap;
    }

    @Override
    public OutputStream input() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] data, int off, int len) throws IOException {
                synchronized (SerialConsole.this) {
                    if (closed) {
                        throw new IOException("the console is closed");
                    }
                }
                engine.send(Arrays.copyOfRange(data, off, off + len));
            }
        };
    }

    @Override
    public InputStream output() {
        return output;
    }

    /** A serial line has no window size; the device's {@code stty} settings stay as they are. */
    @Override
    public void resize(int columns, int rows) {
        // nothing to tell the device over a plain UART
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        onClose.run();
    }

    private final class Tap extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int off, int len) {
            synchronized (SerialConsole.this) {
                if (closed) {
                    return;
                }
                unread.write(data, off, len);
                if (unread.size() > MAX_UNREAD) {
                    byte[] all = unread.toByteArray();
                    unread.reset();
                    unread.write(all, all.length - MAX_UNREAD, MAX_UNREAD);
                }
                SerialConsole.this.notifyAll();
            }
        }
    }

    private final class Output extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            synchronized (SerialConsole.this) {
                while (unread.size() == 0 && !closed) {
                    try {
                        SerialConsole.this.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
                if (unread.size() == 0) {
                    return -1;
                }
                byte[] all = unread.toByteArray();
                int n = Math.min(len, all.length);
                System.arraycopy(all, 0, buffer, off, n);
                unread.reset();
                unread.write(all, n, all.length - n);
                return n;
            }
        }
    }
}
