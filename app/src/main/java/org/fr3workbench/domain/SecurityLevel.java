package org.fr3workbench.domain;

import java.util.Optional;

/** Security level capability SL 1 to SL 4 as used by IEC 62443-4-2. */
public enum SecurityLevel {
    SL1, SL2, SL3, SL4;

    public int number() {
        return ordinal() + 1;
    }

    public static Optional<SecurityLevel> of(int number) {
        return number >= 1 && number <= 4 ? Optional.of(values()[number - 1]) : Optional.empty();
    }

    public boolean atMost(SecurityLevel other) {
        return compareTo(other) <= 0;
    }

    @Override
    public String toString() {
        return "SL " + number();
    }
}
