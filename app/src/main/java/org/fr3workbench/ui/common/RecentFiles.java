package org.fr3workbench.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The most recently used assessment files, newest first, kept in the user preferences. */
public final class RecentFiles {

    private static final int LIMIT = 10;

    private final Preferences node;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a view that is dropped would be lost with it. */
    private final ObservableList<Path> filesView = FXCollections.unmodifiableObservableList(files);

    public RecentFiles(Preferences node) {
        this.node = node;
        for (int i = 0; i < LIMIT; i++) {
            String value = node.get("file." + i, null);
            if (value != null) {
                files.add(Path.of(value));
            }
        }
    }

    /** The list, newest first (observable for the start page). */
    public ObservableList<Path> files() {
        return filesView;
    }

    /** Moves a file to the top of the list. */
    public void add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.addFirst(absolute);
        while (files.size() > LIMIT) {
            files.removeLast();
        }
        save();
    }

    /** Forgets a file, e.g. one that no longer exists. */
    public void remove(Path file) {
        files.remove(file.toAbsolutePath().normalize());
        save();
    }

    private void save() {
        List<Path> snapshot = new ArrayList<>(files);
        for (int i = 0; i < LIMIT; i++) {
            if (i < snapshot.size()) {
                node.put("file." + i, snapshot.get(i).toString());
            } else {
                node.remove("file." + i);
            }
        }
    }
}
