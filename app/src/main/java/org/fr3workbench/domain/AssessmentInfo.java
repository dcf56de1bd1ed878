package org.fr3workbench.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What is being assessed, by whom and against which catalog: the editable head of an assessment.
 *
 * @param product         the product's name
 * @param firmwareVersion the firmware or software version under assessment, or empty
 * @param componentType   the IEC 62443-4-2 component type
 * @param targetLevel     the security level the product aims for
 * @param assessor        the assessor's name
 * @param organization    the assessing organization, or empty
 * @param catalogVersion  the requirement catalog version the assessment follows
 * @param startDate       first day of the assessment, if set
 * @param endDate         last day of the assessment, if set
 */
public record AssessmentInfo(String product, String firmwareVersion, ComponentType componentType,
                             SecurityLevel targetLevel, String assessor, String organization, String catalogVersion,
                             Optional<LocalDate> startDate, Optional<LocalDate> endDate) {

    public AssessmentInfo {
        product = requireText(product, "product");
        firmwareVersion = Objects.requireNonNullElse(firmwareVersion, "").strip();
        Objects.requireNonNull(componentType, "componentType");
        Objects.requireNonNull(targetLevel, "targetLevel");
        assessor = requireText(assessor, "assessor");
        organization = Objects.requireNonNullElse(organization, "").strip();
        catalogVersion = requireText(catalogVersion, "catalogVersion");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        if (startDate.isPresent() && endDate.isPresent() && endDate.get().isBefore(startDate.get())) {
            throw new IllegalArgumentException("the end date " + endDate.get() + " is before the start date " + startDate.get());
        }
    }

    /** The required fields only; firmware, organization and dates empty. */
    public static AssessmentInfo of(String product, ComponentType componentType, SecurityLevel targetLevel,
                                    String assessor, String catalogVersion) {
        return new AssessmentInfo(product, "", componentType, targetLevel, assessor, "", catalogVersion,
                Optional.empty(), Optional.empty());
    }

    public AssessmentInfo withFirmwareVersion(String value) {
        return new AssessmentInfo(product, value, componentType, targetLevel, assessor, organization, catalogVersion,
                startDate, endDate);
    }

    public AssessmentInfo withOrganization(String value) {
        return new AssessmentInfo(product, firmwareVersion, componentType, targetLevel, assessor, value, catalogVersion,
                startDate, endDate);
    }

    public AssessmentInfo withDates(Optional<LocalDate> start, Optional<LocalDate> end) {
        return new AssessmentInfo(product, firmwareVersion, componentType, targetLevel, assessor, organization,
                catalogVersion, start, end);
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value.strip();
    }
}
