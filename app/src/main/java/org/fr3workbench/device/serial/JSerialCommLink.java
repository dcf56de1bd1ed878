package org.fr3workbench.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import org.fr3workbench.device.DeviceException;

/**
 * A serial port through jSerialComm. Also opens pseudo-terminals such as the {@code /dev/pts/N} that
 * {@code socat} creates (verified by the serial tests), so tests exercise this very class.
 */
public final class JSerialCommLink implements SerialLink {

    private static final long POLL_MS = 10;
    private static final int POLLS_PER_READ = 20;

    private final SerialPort port;
    private final String description;

    private JSerialCommLink(SerialPort port, String description) {
        this.port = port;
        this.description = description;
    }

    /** Opens and configures the port. */
    public static JSerialCommLink open(SerialSettings settings) throws DeviceException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(settings.port());
        } catch (RuntimeException e) {
            throw new DeviceException("serial port " + settings.port() + " does not exist: " + e.getMessage(), e);
        }
        port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()),
                parity(settings.parity()));
        port.setFlowControl(flow(settings.flow()));
        port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 0);
        if (!port.openPort()) {
            throw new DeviceException("cannot open serial port " + settings.port() + " (error " + port.getLastErrorCode()
                    + "): is it plugged in, and may this user open it (group dialout)? Is another program using it?");
        }
        return new JSerialCommLink(port, settings.display());
    }

    /**
     * Polls: a blocking native read would pin the virtual thread's carrier for its whole duration, so the port
     * is asked how much is waiting and read without blocking; in between the thread sleeps (and unmounts).
     */
    @Override
    public int read(byte[] buffer) throws IOException {
        for (int poll = 0; poll < POLLS_PER_READ; poll++) {
            if (!port.isOpen()) {
                return -1;
            }
            int available = port.bytesAvailable();
            if (available < 0) {
                return -1;
            }
            if (available > 0) {
                int n = port.readBytes(buffer, Math.min(available, buffer.length));
                return n < 0 ? -1 : n;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading " + description, e);
            }
        }
        return 0;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = port.writeBytes(data, length - done, offset + done);
            if (n < 0) {
                throw new IOException("cannot write to " + description + " (error " + port.getLastErrorCode() + ")");
            }
            done += n;
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        port.closePort();
    }

    private static int stopBits(SerialSettings.StopBits stop) {
        return switch (stop) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int parity(SerialSettings.Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private static int flow(SerialSettings.FlowControl flow) {
        return switch (flow) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        };
    }
}
