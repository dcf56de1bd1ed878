package org.fr3workbench.catalog;

import java.util.List;

/** A requirement entry exactly as written in the YAML file; {@link CatalogValidator} turns it into a domain record. */
record RequirementDto(String id, String title, List<String> types, Object sl, CipDto cip, String note,
                      List<StepDto> steps) {

    /** The CIP platform position. */
    record CipDto(String position, String reason, String integrator) {
    }

    /** A planned step. */
    record StepDto(String id, String kind, String title, String where, Boolean intrusive, String tc) {
    }
}
