package org.fr3workbench.report;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.fr3workbench.report.layout.CodeBlock;
import org.fr3workbench.report.pdf.Attachments;

/**
 * Collects a bounded excerpt of a text stream as it goes by: the first {@code head} lines, the last
 * {@code tail} lines and the total count. Memory stays bounded whatever the size of the output, also
 * for endless lines or binary data (each kept line is cut at {@link #MAX_LINE_BYTES}).
 */
final class TranscriptExcerpt implements Attachments.Tap {

    static final int MAX_LINE_BYTES = 4096;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");

    private final int head;
    private final int tail;
    private final List<byte[]> first = new ArrayList<>();
    private final Deque<byte[]> last = new ArrayDeque<>();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private long lines;
    private boolean pending;

    TranscriptExcerpt(int head, int tail) {
        this.head = head;
        this.tail = tail;
    }

    @Override
    public void accept(byte[] buffer, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (buffer[i] == '\n') {
                append(buffer, start, i - start);
                endLine();
                start = i + 1;
            }
        }
        append(buffer, start, end - start);
    }

    private void append(byte[] buffer, int offset, int length) {
        if (length <= 0) {
            return;
        }
        pending = true;
        int room = MAX_LINE_BYTES - current.size();
        if (room > 0) {
            current.write(buffer, offset, Math.min(room, length));
        }
    }

    private void endLine() {
        byte[] line = current.toByteArray();
        current.reset();
        pending = false;
        lines++;
        if (first.size() < head) {
            first.add(line);
            return;
        }
        last.addLast(line);
        if (last.size() > tail) {
            last.removeFirst();
        }
    }

    /** The excerpt as code-block lines, with a note row where lines were left out. */
    List<CodeBlock.Line> lines() {
        if (pending) {
            endLine();
        }
        List<CodeBlock.Line> out = new ArrayList<>();
        long number = 1;
        for (byte[] line : first) {
            out.add(new CodeBlock.Line(number++, display(line)));
        }
        long omitted = lines - first.size() - last.size();
        if (omitted > 0) {
            out.add(CodeBlock.Line.note(String.format("\u22EE %,d lines not shown here: the attached file has the whole output",
                    omitted)));
            number += omitted;
        }
        for (byte[] line : last) {
            out.add(new CodeBlock.Line(number++, display(line)));
        }
        return out;
    }

    long totalLines() {
        if (pending) {
            endLine();
        }
        return lines;
    }

    boolean shortened() {
        return totalLines() > first.size() + last.size();
    }

    /** Decodes UTF-8 (bad bytes become U+FFFD), keeps what a terminal would show after a CR, drops escape sequences, expands tabs. */
    static String display(byte[] raw) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(raw)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            text = new String(raw, StandardCharsets.ISO_8859_1);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        int cr = text.lastIndexOf('\r');
        if (cr >= 0) {
            text = text.substring(cr + 1);
        }
        if (text.indexOf('\u001B') >= 0) {
            text = ANSI.matcher(text).replaceAll("");
        }
        if (text.indexOf('\t') >= 0) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\t') {
                    b.append(" ".repeat(8 - b.length() % 8));
                } else {
                    b.append(c);
                }
            }
            text = b.toString();
        }
        return text;
    }
}
