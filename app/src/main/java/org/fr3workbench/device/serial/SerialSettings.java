package org.fr3workbench.device.serial;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to open a serial port.
 *
 * @param port     device path, e.g. {@code /dev/ttyUSB0} (or a pty such as {@code /dev/pts/3})
 * @param baud     bits per second, e.g. 115200
 * @param dataBits 5 to 8
 * @param parity   parity bit
 * @param stopBits stop bits
 * @param flow     flow control
 */
public record SerialSettings(String port, int baud, int dataBits, Parity parity, StopBits stopBits, FlowControl flow) {

    /** Parity. */
    public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

    /** Stop bits. */
    public enum StopBits { ONE, ONE_POINT_FIVE, TWO }

    /** Flow control. */
    public enum FlowControl { NONE, RTS_CTS, XON_XOFF }

    public SerialSettings {
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(flow, "flow");
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("a serial port path is required, e.g. /dev/ttyUSB0");
        }
        if (baud < 50 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud rate out of range (50..4000000): " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8: " + dataBits);
        }
    }

    /** 115200 8N1 without flow control, the usual embedded Linux console. */
    public static SerialSettings defaults(String port) {
        return new SerialSettings(port, 115200, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE);
    }

    /**
     * Parses the CLI form {@code serial:/dev/ttyUSB0?baud=115200&data=8&parity=none&stop=1&flow=none}; every
     * query parameter is optional ({@code parity} none|odd|even|mark|space, {@code stop} 1|1.5|2,
     * {@code flow} none|rtscts|xonxoff). {@code data-bits} and {@code stop-bits} are accepted as the long names of
     * {@code data} and {@code stop}.
     */
    public static SerialSettings parse(String text) {
        if (text == null || !text.startsWith("serial:")) {
            throw new IllegalArgumentException("not a serial address (serial:/dev/ttyX[?baud=115200]): '" + text + "'");
        }
        String rest = text.substring("serial:".length());
        int q = rest.indexOf('?');
        String port = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> params = new TreeMap<>();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("bad parameter '" + pair + "' in '" + text + "' (want name=value)");
                }
                params.put(pair.substring(0, eq).toLowerCase(Locale.ROOT),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
            }
        }
        SerialSettings base = defaults(port);
        int baud = parseInt(params.remove("baud"), base.baud(), "baud", text);
        alias(params, "data-bits", "data", text);
        alias(params, "stop-bits", "stop", text);
        int data = parseInt(params.remove("data"), base.dataBits(), "data", text);
        Parity parity = params.containsKey("parity") ? parseParity(params.remove("parity"), text) : base.parity();
        StopBits stop = params.containsKey("stop") ? parseStop(params.remove("stop"), text) : base.stopBits();
        FlowControl flow = params.containsKey("flow") ? parseFlow(params.remove("flow"), text) : base.flow();
        if (!params.isEmpty()) {
            throw new IllegalArgumentException("unknown serial parameter(s) " + params.keySet() + " in '" + text
                    + "' (known: baud, data or data-bits, parity, stop or stop-bits, flow)");
        }
        return new SerialSettings(port, baud, data, parity, stop, flow);
    }

    /**
     * The canonical address that {@link #parse} reads back to equal settings, e.g.
     * {@code serial:/dev/ttyUSB0?baud=115200&data=8&parity=none&stop=1&flow=none} (recorded as the target).
     */
    public String address() {
        String flowName = switch (flow) {
            case NONE -> "none";
            case RTS_CTS -> "rtscts";
            case XON_XOFF -> "xonxoff";
        };
        return "serial:" + port + "?baud=" + baud + "&data=" + dataBits + "&parity=" + parity.name().toLowerCase(Locale.ROOT)
                + "&stop=" + stopText() + "&flow=" + flowName;
    }

    private String stopText() {
        return switch (stopBits) {
            case ONE -> "1";
            case ONE_POINT_FIVE -> "1.5";
            case TWO -> "2";
        };
    }

    /** E.g. {@code /dev/ttyUSB0 115200 8N1}. */
    public String display() {
        String stop = stopText();
        String flowText = flow == FlowControl.NONE ? "" : " " + flow.name().toLowerCase(Locale.ROOT).replace("_", "/");
        return port + " " + baud + " " + dataBits + parity.name().charAt(0) + stop + flowText;
    }

    private static void alias(Map<String, String> params, String longName, String name, String text) {
        String value = params.remove(longName);
        if (value != null && params.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException("give either " + name + " or " + longName + " in '" + text + "', not both");
        }
    }

    private static int parseInt(String value, int fallback, String name, String text) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number in '" + text + "', found '" + value + "'", e);
        }
    }

    private static Parity parseParity(String value, String text) {
        for (Parity p : Parity.values()) {
            if (p.name().equalsIgnoreCase(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("parity must be none, odd, even, mark or space in '" + text + "'");
    }

    private static StopBits parseStop(String value, String text) {
        return switch (value) {
            case "1" -> StopBits.ONE;
            case "1.5" -> StopBits.ONE_POINT_FIVE;
            case "2" -> StopBits.TWO;
            default -> throw new IllegalArgumentException("stop must be 1, 1.5 or 2 in '" + text + "'");
        };
    }

    private static FlowControl parseFlow(String value, String text) {
        return switch (value) {
            case "none" -> FlowControl.NONE;
            case "rtscts" -> FlowControl.RTS_CTS;
            case "xonxoff" -> FlowControl.XON_XOFF;
            default -> throw new IllegalArgumentException("flow must be none, rtscts or xonxoff in '" + text + "'");
        };
    }
}
