package org.fr3workbench.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Dialogs and error messages, injected so that view models stay testable without windows.
 * Every method is called on the FX thread.
 */
public interface DialogService {

    /** Shows an error the user must acknowledge: what failed and what to do. */
    void showError(String title, String message);

    /** Shows an information message. */
    void showInfo(String title, String message);

    /** Asks a yes/no question; true for yes. */
    boolean confirm(String title, String message, String confirmLabel);

    /** Shows some content (an image, a transcript) in a window of its own. */
    void showContent(String title, javafx.scene.Node content);

    /** Chooses a file to open, filtered by extension descriptions like "Assessment (*.fr3)" -> "*.fr3". */
    Optional<Path> chooseFileToOpen(String title, List<String> extensionFilter);

    /** Chooses where to save a new file. */
    Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensionFilter);

    /** Chooses a folder, starting in {@code initial} when it exists. */
    Optional<Path> chooseDirectory(String title, Path initial);
}
