package org.fr3workbench.probe.boot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the boot console showed and what the watcher decided.
 *
 * @param decision  refused, booted normally, or undecided
 * @param reason    one sentence for the assessor
 * @param started   when watching started
 * @param decidedAt when the decision was made
 * @param lines     the whole console, timestamped (evidence)
 * @param refusals  refusal lines, with the pattern id that matched
 * @param login     the login prompt, if one appeared
 * @param info      informational lines (Secure Boot state)
 */
public record BootWatchResult(Decision decision, String reason, Instant started, Instant decidedAt, List<ConsoleLine> lines,
                              List<Hit> refusals, Optional<Hit> login, List<Hit> info) {

    public BootWatchResult {
        Objects.requireNonNull(decision, "decision");
        lines = List.copyOf(lines);
        refusals = List.copyOf(refusals);
        info = List.copyOf(info);
    }

    /** The watcher's decision. */
    public enum Decision {
        /** A refusal pattern appeared and no login prompt followed. */
        REFUSED,
        /** The login prompt appeared without any refusal. */
        BOOTED_NORMALLY,
        /** Neither clearly: nothing within the timeout, or a refusal followed by a login prompt. */
        UNDECIDED
    }

    /**
     * A pattern found on a line.
     *
     * @param patternId the pattern's id
     * @param line      the line (with its time)
     */
    public record Hit(String patternId, ConsoleLine line) {
    }
}
