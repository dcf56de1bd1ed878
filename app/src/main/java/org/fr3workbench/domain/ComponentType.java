package org.fr3workbench.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The four IEC 62443-4-2 component types. A "CR" (component requirement) applies to all of them;
 * EDR, HDR, NDR and SAR requirements apply to one type each.
 */
public enum ComponentType {
    /** Software application. */
    SAR("Software application"),
    /** Embedded device. */
    EDR("Embedded device"),
    /** Host device. */
    HDR("Host device"),
    /** Network device. */
    NDR("Network device");

    private final String description;

    ComponentType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Parses "EDR", "edr" and the like; empty when the text names no component type. */
    public static Optional<ComponentType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ComponentType type : values()) {
            if (type.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
