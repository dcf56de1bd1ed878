package org.fr3workbench.store;

import java.util.Optional;

/** The changes the journal records; {@code code} is what the file stores (docs/assessment-file.md). */
enum JournalAction {
    ASSESSMENT_CREATE("assessment.create"),
    ASSESSMENT_UPDATE("assessment.update"),
    TARGET_SET("target.set"),
    VERDICT_SET("verdict.set"),
    STEP_START("step.start"),
    STEP_FINISH("step.finish"),
    STEP_CANCEL("step.cancel"),
    STEP_INTERRUPT("step.interrupt"),
    HOSTKEY_PIN("hostkey.pin"),
    EVIDENCE_ADD("evidence.add"),
    PARAMETER_SET("parameter.set"),
    PARAMETER_CLEAR("parameter.clear");

    private final String code;

    JournalAction(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Optional<JournalAction> fromCode(String code) {
        for (JournalAction action : values()) {
            if (action.code.equals(code)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
