package org.fr3workbench.engine;

import java.util.Objects;
import org.fr3workbench.domain.EvidenceKind;

/**
 * A piece of evidence a probe produced, stored by the runner with the step run.
 *
 * @param name      short name, e.g. {@code failed-login.txt}
 * @param mediaType e.g. {@code text/plain; charset=utf-8}
 * @param content   the bytes
 * @param caption   one line for the assessor
 * @param kind      transcript, structured result ...
 */
public record ProbeEvidence(String name, String mediaType, byte[] content, String caption, EvidenceKind kind) {
    public ProbeEvidence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        content = content.clone();
        caption = Objects.requireNonNullElse(caption, "");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
