package org.fr3workbench.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A procedure parameter value the assessor set for one assessment (stored in the file, journalled).
 *
 * @param name  the parameter's id, e.g. {@code update-image}
 * @param value the value as text; for a local-file parameter a path on the assessor's machine
 * @param setBy who set it
 * @param setAt when
 */
public record ParameterValue(String name, String value, String setBy, Instant setAt) {
    public ParameterValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(setAt, "setAt");
    }
}
