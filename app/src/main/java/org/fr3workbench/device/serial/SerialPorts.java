package org.fr3workbench.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The serial ports this machine has, for the connect dialog and {@code fr3 connect --list-ports}. */
public final class SerialPorts {

    private SerialPorts() {
    }

    /**
     * A port.
     *
     * @param path        e.g. {@code /dev/ttyUSB0}
     * @param name        the system's short name, e.g. {@code ttyUSB0}
     * @param description what the driver says, e.g. {@code FT232R USB UART}
     * @param location    bus location if known, e.g. {@code 1-1.2}
     */
    public record PortInfo(String path, String name, String description, String location) {
    }

    /** All ports jSerialComm finds, sorted by path. */
    public static List<PortInfo> list() {
        return Arrays.stream(SerialPort.getCommPorts())
                .map(p -> new PortInfo(p.getSystemPortPath(), p.getSystemPortName(), p.getPortDescription(),
                        p.getPortLocation()))
                .sorted(Comparator.comparing(PortInfo::path))
                .toList();
    }
}
