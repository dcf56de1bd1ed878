package org.fr3workbench.device.serial;

import java.io.IOException;

/**
 * A byte pipe to a serial console. {@link JSerialCommLink} drives real ports and ptys; tests use the same class
 * on a {@code socat} pty pair.
 */
public interface SerialLink extends AutoCloseable {

    /**
     * Reads what has arrived, waiting a short while (a few hundred milliseconds) for the first byte.
     *
     * @return the number of bytes read, 0 when nothing arrived in time, -1 when the port is gone
     */
    int read(byte[] buffer) throws IOException;

    /** Writes all of the bytes. */
    void write(byte[] data, int offset, int length) throws IOException;

    /** E.g. {@code /dev/ttyUSB0 115200 8N1}. */
    String description();

    @Override
    void close();
}
