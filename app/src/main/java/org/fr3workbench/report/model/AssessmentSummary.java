package org.fr3workbench.report.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.SecurityLevel;

/**
 * The assessment as a whole, as shown on the cover.
 *
 * @param assessmentId   the assessment file's identifier (shown in every header)
 * @param product        product name
 * @param firmware       firmware or software version under test
 * @param componentType  IEC 62443-4-2 component type
 * @param deviceIdentity lines identifying the device (host-key fingerprint, os-release, serial number ...)
 * @param assessor       the assessor's name
 * @param organization   the assessor's organization
 * @param started        when the assessment started
 * @param finished       when it finished; empty while in progress
 * @param targetSl       the security level targeted
 * @param achievedSlC    SL-C(FR 3) computed from the verdicts; empty when not even SL 1 is reached
 * @param result         the overall result
 * @param catalogVersion the requirement catalog version used
 */
public record AssessmentSummary(String assessmentId, String product, String firmware, ComponentType componentType,
                                List<String> deviceIdentity, String assessor, String organization,
                                Instant started, Optional<Instant> finished, SecurityLevel targetSl,
                                Optional<SecurityLevel> achievedSlC, OverallResult result, String catalogVersion) {
    public AssessmentSummary {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(product, "product");
        firmware = Objects.requireNonNullElse(firmware, "");
        Objects.requireNonNull(componentType, "componentType");
        deviceIdentity = List.copyOf(deviceIdentity);
        Objects.requireNonNull(assessor, "assessor");
        organization = Objects.requireNonNullElse(organization, "");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(targetSl, "targetSl");
        Objects.requireNonNull(achievedSlC, "achievedSlC");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(catalogVersion, "catalogVersion");
    }
}
