package org.fr3workbench.domain;

import java.util.Objects;

/**
 * A value the procedures use in their commands ({@code {{id}}}): a device path, an account, a port. Defaults follow
 * the CIP platform so that an assessor only changes what differs on their product.
 *
 * @param id           lower-case words joined by {@code -}
 * @param title        one line for the assessor
 * @param defaultValue the CIP default, or empty when the assessor must supply it
 * @param kind         how it is filled
 */
public record ProcedureParameter(String id, String title, String defaultValue, Kind kind) {

    public ProcedureParameter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        defaultValue = Objects.requireNonNullElse(defaultValue, "");
        Objects.requireNonNull(kind, "kind");
    }

    /** How a parameter gets its value. */
    public enum Kind {
        /** Text the assessor may change; the default applies otherwise. */
        TEXT,
        /** A file on the assessor's machine (an update image, a report): chosen with a file chooser. */
        LOCAL_FILE,
        /**
         * Generated fresh by the engine for every run: a unique marker (e.g. the wrong password of CR 3.7) that
         * cannot appear anywhere by chance. Recorded in the transcript; never a real secret.
         */
        MARKER,
        /** Set by the engine from the connection: the device's host name or address, its SSH port. */
        CONNECTION
    }
}
