package org.fr3workbench.cli;

import java.nio.file.Path;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.store.AssessmentFileException;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ReadOnlyAssessmentException;
import org.fr3workbench.store.StoreException;

/** What the assessment-file commands share: opening a file, the actor of a change, checking a requirement id. */
final class AssessmentAccess {

    private AssessmentAccess() {
    }

    /** Opens a file; a refusal becomes exit code 2 with the store's message. */
    static AssessmentStore open(AssessmentFiles files, Path file, AssessmentFiles.Access access) {
        try {
            return files.open(file, access);
        } catch (AssessmentFileException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    /** The actor named by {@code --actor}, else the assessment's assessor, else the operating-system user. */
    static String actor(String option, AssessmentStore store) {
        if (option != null && !option.isBlank()) {
            return option.strip();
        }
        String assessor = store.info().assessor();
        return assessor.isBlank() ? System.getProperty("user.name", "unknown") : assessor;
    }

    /** The catalog entry for an id as typed; exit code 2 naming the id if there is none. */
    static Requirement requirement(Catalog catalog, String id) {
        String wanted = id == null ? "" : id.strip().replaceAll("\\s+", " ");
        return catalog.find(wanted).or(() -> catalog.requirements().stream()
                        .filter(r -> r.id().equalsIgnoreCase(wanted)).findFirst())
                .orElseThrow(() -> new InputException("unknown requirement '" + id + "' in catalog " + catalog.version()
                        + ": see 'fr3 catalog list'"));
    }

    /** Runs a change; a read-only file or a failed write becomes exit code 2 with its message. */
    static <T> T change(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ReadOnlyAssessmentException e) {
            throw new InputException(e.getMessage(), e);
        } catch (StoreException | IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
