package org.fr3workbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerdictDecision;

/**
 * Computes SL-C(FR 3) from the assessor's verdicts, never typed in: the highest security level at
 * which every catalog entry required for the component type (at that level or below) is Met, or
 * Not applicable with a rationale. Also says what blocks the next level. Pure: no I/O.
 */
public final class SecurityLevelCapability {

    private final Catalog catalog;

    public SecurityLevelCapability(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * What the verdicts achieve.
     *
     * @param achieved  SL-C(FR 3), empty if not even SL 1 is reached
     * @param nextLevel the level above it, empty at SL 4
     * @param blockers  the entries that keep the next level from being reached, in catalog order
     */
    public record Result(ComponentType componentType, Optional<SecurityLevel> achieved, Optional<SecurityLevel> nextLevel,
                         List<Blocker> blockers) {
        public Result {
            Objects.requireNonNull(componentType, "componentType");
            Objects.requireNonNull(achieved, "achieved");
            Objects.requireNonNull(nextLevel, "nextLevel");
            blockers = List.copyOf(blockers);
        }
    }

    /**
     * A required entry that is not (yet) Met or Not applicable.
     *
     * @param decision its current decision, Not assessed when there is none
     */
    public record Blocker(String requirementId, String title, SecurityLevel requiredFrom, VerdictDecision decision) {
    }

    /**
     * @param verdicts the current verdict per requirement id (missing ones count as Not assessed)
     */
    public Result compute(ComponentType type, Map<String, Verdict> verdicts) {
        Optional<SecurityLevel> achieved = Optional.empty();
        for (SecurityLevel level : SecurityLevel.values()) {
            if (!blockers(type, level, verdicts).isEmpty()) {
                return new Result(type, achieved, Optional.of(level), blockers(type, level, verdicts));
            }
            achieved = Optional.of(level);
        }
        return new Result(type, achieved, Optional.empty(), List.of());
    }

    /** The entries required for the type at or below the level that the verdicts do not satisfy. */
    public List<Blocker> blockers(ComponentType type, SecurityLevel level, Map<String, Verdict> verdicts) {
        List<Blocker> result = new ArrayList<>();
        for (Requirement requirement : catalog.requiredFor(type, level)) {
            Verdict verdict = verdicts.get(requirement.id());
            if (!satisfies(verdict)) {
                result.add(new Blocker(requirement.id(), requirement.title(), requirement.minLevel().orElseThrow(),
                        verdict == null ? VerdictDecision.NOT_ASSESSED : verdict.decision()));
            }
        }
        return result;
    }

    private static boolean satisfies(Verdict verdict) {
        return verdict != null && verdict.decision().satisfies()
                && (!verdict.decision().needsRationale() || !verdict.rationale().isBlank());
    }
}
