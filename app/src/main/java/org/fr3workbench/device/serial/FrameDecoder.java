package org.fr3workbench.device.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts one framed command out of the console stream (see {@link CommandFrame}): waits for the begin marker, decodes
 * the base64 lines in between (the command's exact bytes, colours and binary included), routes every other line
 * (interleaved kernel messages, echo) to the recording, and at the end marker checks the trailer that carries the
 * exit code. Lines arrive with interleaved kernel messages already taken out ({@link KernelMessages}); anything
 * else that breaks the line structure (76 characters per base64 line, padding only at the end, the trailer) is
 * reported as corruption, never silently accepted. Called on the console reader thread, one line at a time.
 */
final class FrameDecoder {

    /** Where a line went. */
    enum Route { DATA, RECORD }

    static final int LINE_WIDTH = 76;
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private final CommandFrame frame;
    private final OutputStream output;
    private final Pattern trailer;
    private final int holdback;
    private final CountDownLatch done = new CountDownLatch(1);
    private final StringBuilder quad = new StringBuilder();
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean begun;
    private boolean padded;
    private boolean shortLineSeen;
    private int lineChars;
    private volatile Integer exitCode;
    private volatile String error;

    FrameDecoder(CommandFrame frame, OutputStream output) {
        this.frame = frame;
        this.output = output;
        this.trailer = Pattern.compile("\n" + Pattern.quote(frame.trailerPrefix()) + "(\\d{1,3})\n$");
        this.holdback = frame.trailerPrefix().length() + 6;
    }

    /** Handles one console line (line end and carriage returns removed); returns where it belongs. */
    Route line(byte[] raw, int length) {
        if (isDone()) {
            return Route.RECORD;
        }
        String text = AnsiText.strip(new String(raw, 0, length, StandardCharsets.ISO_8859_1)).replace("\r", "");
        if (!begun) {
            begun = text.contains(frame.beginMarker());
            return Route.RECORD;
        }
        if (text.contains(frame.endMarker())) {
            finish();
            return Route.RECORD;
        }
        if (BASE64.matcher(text).matches()) {
            data(text);
            return Route.DATA;
        }
        return Route.RECORD;
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    CountDownLatch doneSignal() {
        return done;
    }

    /** The exit code from the trailer, once done without error. */
    Integer exitCode() {
        return exitCode;
    }

    /** Why the output could not be trusted, or null. */
    String error() {
        return error;
    }

    private void data(String chars) {
        if (error != null) {
            return;
        }
        if (padded || shortLineSeen) {
            fail("base64 data after the end of the encoded output");
            return;
        }
        lineChars += chars.length();
        if (lineChars == LINE_WIDTH) {
            lineChars = 0;
        } else if (lineChars > LINE_WIDTH) {
            fail("a base64 line of " + lineChars + " characters (expected " + LINE_WIDTH
                    + "): console noise was mixed into the output");
            return;
        } else {
            shortLineSeen = true;
        }
        quad.append(chars);
        int usable = quad.length() - quad.length() % 4;
        if (usable == 0) {
            return;
        }
        String block = quad.substring(0, usable);
        quad.delete(0, usable);
        padded = block.endsWith("=");
        try {
            emit(Base64.getDecoder().decode(block));
        } catch (IllegalArgumentException e) {
            fail("invalid base64 on the console: " + e.getMessage());
        }
    }

    /** Passes decoded bytes on, keeping back the last few that may be the trailer. */
    private void emit(byte[] bytes) {
        held.writeBytes(bytes);
        int release = held.size() - holdback;
        if (release > 0) {
            byte[] all = held.toByteArray();
            write(all, 0, release);
            held.reset();
            held.write(all, release, all.length - release);
        }
    }

    private void finish() {
        if (error == null) {
            if (quad.length() != 0) {
                fail("the encoded output ended in the middle of a base64 group");
            } else {
                String tail = held.toString(StandardCharsets.ISO_8859_1);
                Matcher m = trailer.matcher(tail);
                if (m.find()) {
                    byte[] all = held.toByteArray();
                    write(all, 0, m.start());
                    exitCode = Integer.parseInt(m.group(1));
                } else {
                    fail("the exit status trailer is missing (output cut short or corrupted)");
                }
            }
        }
        done.countDown();
    }

    private void write(byte[] data, int offset, int length) {
        try {
            output.write(data, offset, length);
        } catch (IOException e) {
            fail("cannot write the command output: " + e.getMessage());
        }
    }

    private void fail(String reason) {
        if (error == null) {
            error = reason;
        }
    }
}
