package org.fr3workbench.probe.boot;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of console output with the time its first byte arrived.
 *
 * @param at   arrival time of the line's first byte
 * @param text the line without escape sequences and line ending
 */
public record ConsoleLine(Instant at, String text) {
    public ConsoleLine {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
    }
}
