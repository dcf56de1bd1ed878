package org.fr3workbench.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An interactive shell on a terminal: bytes typed go to {@link #input()}, what the device prints comes from
 * {@link #output()} (a terminal emulator renders it). Record it with {@link AsciicastWriter}.
 */
public interface InteractiveConsole extends AutoCloseable {

    /** Keystrokes to the device. */
    OutputStream input();

    /** What the device prints (a pty merges stdout and stderr). */
    InputStream output();

    /** Tells the device the terminal's new size. */
    void resize(int columns, int rows) throws IOException;

    @Override
    void close() throws IOException;
}
