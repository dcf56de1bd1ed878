package org.fr3workbench.probe.tls;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scan target {@code HOST:PORT} ({@code [::1]:443} for IPv6).
 *
 * @param host host name or address
 * @param port TCP port
 */
public record TlsTarget(String host, int port) {

    private static final Pattern FORM = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([^:\\[\\]\\s]+)):(\\d{1,5})");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public TlsTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
    }

    /** Parses {@code HOST:PORT}; the message of the exception says what is wrong. */
    public static TlsTarget parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (use [ADDRESS]:PORT for IPv6)");
        }
        String host = m.group(1) != null ? m.group(1) : m.group(2);
        return new TlsTarget(host, Integer.parseInt(m.group(3)));
    }

    /** The name to send as SNI: host names only, never addresses. */
    public String serverName() {
        return host.contains(":") || IPV4.matcher(host).matches() ? null : host;
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
