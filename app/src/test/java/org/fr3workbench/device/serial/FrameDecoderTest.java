package org.fr3workbench.device.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The framing parser on its own, with console noise built by hand. */
class FrameDecoderTest {

    private final CommandFrame frame = new CommandFrame("0123456789abcdef");

    /** The lines a device prints for {@code output} and {@code exitCode}, base64 wrapped at 76. */
    private List<String> deviceLines(byte[] output, int exitCode) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(output);
        stream.writeBytes(("\n" + frame.trailerPrefix() + exitCode + "\n").getBytes(StandardCharsets.US_ASCII));
        String encoded = Base64.getEncoder().encodeToString(stream.toByteArray());
        List<String> lines = new ArrayList<>();
        lines.add("root@dev:~# printf '%s_%s\\n' FR3B 0123456789abcdef; { ( cmd ...");
        lines.add(frame.beginMarker());
        for (int i = 0; i < encoded.length(); i += 76) {
            lines.add(encoded.substring(i, Math.min(encoded.length(), i + 76)));
        }
        lines.add(frame.endMarker());
        return lines;
    }

    private FrameDecoder feed(List<String> lines, ByteArrayOutputStream out) {
        FrameDecoder decoder = new FrameDecoder(frame, out);
        KernelMessages kernel = new KernelMessages();
        for (String line : lines) {
            KernelMessages.Split split = kernel.split(line.getBytes(StandardCharsets.ISO_8859_1));
            if (split.forCommand() != null) {
                decoder.line(split.forCommand(), split.forCommand().length);
            }
        }
        return decoder;
    }

    @Test
    void decodesExactBytesAndTheExitCodeDespiteKernelMessagesMidLine() {
        byte[] output = new byte[1000];
        for (int i = 0; i < output.length; i++) {
            output[i] = (byte) (i * 7);
        }
        List<String> lines = deviceLines(output, 3);
        String third = lines.get(4);
        lines.set(4, third.substring(0, 30) + "[   12.345678] usb 1-1: new device");
        lines.add(5, "[   12.345999] second message");
        lines.add(6, third.substring(30));
        lines.add(2, "\u001b[0;32m[   13.000001] \u001b[0mcoloured kernel line");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameDecoder decoder = feed(lines, out);
        assertThat(decoder.isDone()).isTrue();
        assertThat(decoder.error()).isNull();
        assertThat(decoder.exitCode()).isEqualTo(3);
        assertThat(out.toByteArray()).isEqualTo(output);
    }

    @Test
    void reportsNoiseThatBreaksTheLineStructure() {
        List<String> lines = deviceLines(new byte[500], 0);
        lines.set(3, lines.get(3).substring(0, 20) + "AAAA" + lines.get(3).substring(20));
        FrameDecoder decoder = feed(lines, new ByteArrayOutputStream());
        assertThat(decoder.error()).contains("80 characters");
    }

    @Test
    void reportsAMissingTrailer() {
        List<String> lines = deviceLines("abc".getBytes(StandardCharsets.US_ASCII), 0);
        lines.removeIf(l -> !l.contains("FR3") && !l.startsWith("root"));
        lines.add(2, Base64.getEncoder().encodeToString("abc".getBytes(StandardCharsets.US_ASCII)));
        FrameDecoder decoder = feed(lines, new ByteArrayOutputStream());
        assertThat(decoder.isDone()).isTrue();
        assertThat(decoder.error()).contains("trailer");
    }

    @Test
    void theEchoedCommandLineNeverMatchesAMarker() {
        String typed = frame.wrap("echo hi");
        assertThat(typed).doesNotContain(frame.beginMarker()).doesNotContain(frame.endMarker())
                .doesNotContain(frame.trailerPrefix());
    }

    @Test
    void consoleTextKeepsEveryByteReadable() {
        byte[] raw = {'o', 'k', ' ', (byte) 0xc3, (byte) 0xbc, 0x1b, '[', '1', 'm', '\\', (byte) 0xff, 0, '\t'};
        assertThat(ConsoleText.escape(raw, raw.length)).isEqualTo("ok ü\\x1b[1m\\\\\\xff\\x00\t");
    }
}
