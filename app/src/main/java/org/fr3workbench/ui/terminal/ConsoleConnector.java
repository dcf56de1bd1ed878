package org.fr3workbench.ui.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.fr3workbench.device.InteractiveConsole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the terminal emulator to a device's {@link InteractiveConsole}: what the device prints is recorded (before
 * decoding, so the recording sees the exact bytes) and decoded as UTF-8 for the emulator; keystrokes go to the device.
 * The emulator calls these methods on its own threads, never on the FX thread.
 */
final class ConsoleConnector implements TtyConnector {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleConnector.class);

    private final InteractiveConsole console;
    private final SessionRecording recording;
    private final String name;
    private final Reader reader;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean connected = true;
    private final java.util.concurrent.atomic.AtomicBoolean consoleClosed = new java.util.concurrent.atomic.AtomicBoolean();

    ConsoleConnector(InteractiveConsole console, SessionRecording recording, String name) {
        this.console = console;
        this.recording = recording;
        this.name = name;
        this.reader = new InputStreamReader(new Tee(console.output()), StandardCharsets.UTF_8);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        try {
            int n = reader.read(buffer, offset, length);
            if (n < 0) {
                markClosed();
            }
            return n;
        } catch (IOException e) {
            markClosed();
            throw e;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        console.input().write(bytes);
        console.input().flush();
    }

    @Override
    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void resize(TermSize size) {
        try {
            console.resize(size.getColumns(), size.getRows());
            recording.resize(size.getColumns(), size.getRows());
        } catch (IOException e) {
            LOG.debug("resize of {} failed", name, e);
        }
    }

    @Override
    public int waitFor() throws InterruptedException {
        closed.await();
        return 0;
    }

    @Override
    public boolean ready() throws IOException {
        return reader.ready();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void close() {
        markClosed();
        if (consoleClosed.getAndSet(true)) {
            return;
        }
        try {
            console.close();
        } catch (IOException e) {
            LOG.debug("closing the console of {} failed", name, e);
        }
    }

    private void markClosed() {
        connected = false;
        closed.countDown();
    }

    /** Copies every byte read into the recording. */
    private final class Tee extends FilterInputStream {
        Tee(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                recording.output(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                recording.output(b, off, n);
            }
            return n;
        }
    }
}
