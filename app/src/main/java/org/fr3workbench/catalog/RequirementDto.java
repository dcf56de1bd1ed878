package org.fr3workbench.catalog;

import java.util.List;

/**
 * A requirement entry exactly as written in the YAML file; {@link CatalogValidator} turns it into a
 * domain record. Plain fields rather than a record, so that Jackson binds while streaming and can
 * report an unknown field at its own line and column.
 */
final class RequirementDto {
    public String id;
    public String title;
    public List<String> types;
    public Object sl;
    public CipDto cip;
    public String note;
    public List<StepDto> steps;

    /** The CIP platform position. */
    static final class CipDto {
        public String position;
        public String reason;
        public String integrator;
    }

    /** A planned step. */
    static final class StepDto {
        public String id;
        public String kind;
        public String title;
        public String where;
        public Boolean intrusive;
        public String tc;
    }
}
