package org.fr3workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.CipPosition;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerdictDecision;
import org.junit.jupiter.api.Test;

class SecurityLevelCapabilityTest {

    private static final Set<ComponentType> ALL = EnumSet.allOf(ComponentType.class);

    private final Catalog catalog = new Catalog(1, "test", "test", List.of(
            requirement("CR 3.1", ALL, SecurityLevel.SL1),
            requirement("CR 3.1 RE(1)", ALL, SecurityLevel.SL2),
            requirement("CR 3.2", ALL, null),
            requirement("EDR 3.2", Set.of(ComponentType.EDR), SecurityLevel.SL1),
            requirement("HDR 3.2", Set.of(ComponentType.HDR), SecurityLevel.SL1),
            requirement("CR 3.4 RE(2)", ALL, SecurityLevel.SL3),
            requirement("CR 3.9 RE(1)", ALL, SecurityLevel.SL4)), Map.of());

    private final SecurityLevelCapability capability = new SecurityLevelCapability(catalog);
    private final Map<String, Verdict> verdicts = new HashMap<>();

    @Test
    void nothingDecidedReachesNoLevelAndNamesWhatSl1Needs() {
        SecurityLevelCapability.Result result = capability.compute(ComponentType.EDR, verdicts);
        assertThat(result.achieved()).isEmpty();
        assertThat(result.nextLevel()).contains(SecurityLevel.SL1);
        assertThat(result.blockers()).extracting(SecurityLevelCapability.Blocker::requirementId)
                .containsExactly("CR 3.1", "EDR 3.2");
    }

    @Test
    void metAndNotApplicableCountOnlyForTheirComponentType() {
        decide("CR 3.1", VerdictDecision.MET);
        decide("EDR 3.2", VerdictDecision.NOT_APPLICABLE);
        decide("CR 3.1 RE(1)", VerdictDecision.NOT_MET);
        SecurityLevelCapability.Result edr = capability.compute(ComponentType.EDR, verdicts);
        assertThat(edr.achieved()).contains(SecurityLevel.SL1);
        assertThat(edr.nextLevel()).contains(SecurityLevel.SL2);
        assertThat(edr.blockers()).singleElement().satisfies(b -> {
            assertThat(b.requirementId()).isEqualTo("CR 3.1 RE(1)");
            assertThat(b.decision()).isEqualTo(VerdictDecision.NOT_MET);
            assertThat(b.requiredFrom()).isEqualTo(SecurityLevel.SL2);
        });
        assertThat(capability.compute(ComponentType.HDR, verdicts).achieved()).as("HDR 3.2 undecided").isEmpty();
    }

    @Test
    void everythingSatisfiedReachesSl4WithNothingBlocking() {
        for (String id : List.of("CR 3.1", "CR 3.1 RE(1)", "EDR 3.2", "CR 3.4 RE(2)")) {
            decide(id, VerdictDecision.MET);
        }
        assertThat(capability.compute(ComponentType.EDR, verdicts).achieved()).contains(SecurityLevel.SL3);
        decide("CR 3.9 RE(1)", VerdictDecision.NOT_APPLICABLE);
        SecurityLevelCapability.Result result = capability.compute(ComponentType.EDR, verdicts);
        assertThat(result.achieved()).contains(SecurityLevel.SL4);
        assertThat(result.nextLevel()).isEmpty();
        assertThat(result.blockers()).isEmpty();
    }

    @Test
    void notAssessedBlocksLikeNoVerdict() {
        decide("CR 3.1", VerdictDecision.NOT_ASSESSED);
        decide("EDR 3.2", VerdictDecision.MET);
        assertThat(capability.compute(ComponentType.EDR, verdicts).blockers()).extracting(SecurityLevelCapability.Blocker::decision)
                .containsExactly(VerdictDecision.NOT_ASSESSED);
    }

    private void decide(String id, VerdictDecision decision) {
        verdicts.put(id, new Verdict(verdicts.size() + 1, id, decision, "because", "Alice", Instant.EPOCH));
    }

    private static Requirement requirement(String id, Set<ComponentType> types, SecurityLevel level) {
        return new Requirement(id, "title of " + id, id.replaceAll("^\\S+ (3\\.\\d+).*$", "$1"), types,
                Optional.ofNullable(level), CipPosition.MET, "", "", "", List.of());
    }
}
