package org.fr3workbench.probe.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A sample boot log with arrival times, replayed to a console with its pacing scaled down. */
record BootLogReplay(List<Double> times, List<String> lines) {

    static BootLogReplay load(String name) throws IOException {
        try (InputStream in = BootLogReplay.class.getResourceAsStream("/bootlogs/" + name)) {
            if (in == null) {
                throw new IOException("no boot log " + name);
            }
            List<Double> times = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            double last = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\n", -1)) {
                if (line.isEmpty() && lines.size() > 0 && times.size() == lines.size()) {
                    continue;
                }
                if (line.startsWith("@")) {
                    int space = line.indexOf(' ');
                    last = Double.parseDouble(line.substring(1, space < 0 ? line.length() : space));
                    line = space < 0 ? "" : line.substring(space + 1);
                }
                times.add(last);
                lines.add(line);
            }
            return new BootLogReplay(times, lines);
        }
    }

    /** The console bytes: CRLF line ends, the last line (a prompt) without one. */
    byte[] bytes() {
        return String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Writes the log line by line, sleeping {@code scale} times the recorded gaps (at least 2 ms). */
    void play(OutputStream out, double scale) throws IOException, InterruptedException {
        double previous = 0;
        for (int i = 0; i < lines.size(); i++) {
            long sleep = Math.max(2, Math.round((times.get(i) - previous) * scale * 1000));
            Thread.sleep(sleep);
            previous = times.get(i);
            String end = i == lines.size() - 1 ? "" : "\r\n";
            out.write((lines.get(i) + end).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
