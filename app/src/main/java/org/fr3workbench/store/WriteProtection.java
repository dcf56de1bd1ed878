package org.fr3workbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an assessment file must be opened read-only: read-only media, a write-protected
 * file, or a write-protected folder (SQLite needs the folder for its write-ahead log). A file
 * without any write permission bit counts as write-protected even for an administrator, whom the
 * operating system would let write.
 */
final class WriteProtection {

    private static final Set<PosixFilePermission> WRITE_BITS = EnumSet.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private WriteProtection() {
    }

    /** Why the file cannot be written, or empty if it can. */
    static Optional<String> reason(Path file) {
        Optional<String> media = media(file);
        if (media.isPresent()) {
            return media;
        }
        if (writeProtected(file)) {
            return Optional.of("the file is write-protected" + permissions(file));
        }
        Path folder = file.getParent();
        if (folder != null && writeProtected(folder)) {
            return Optional.of("its folder is write-protected" + permissions(folder));
        }
        return Optional.empty();
    }

    /** Why files cannot be created in a folder, or empty if they can. */
    static Optional<String> folderReason(Path folder) {
        return media(folder).or(() -> writeProtected(folder)
                ? Optional.of("it is write-protected" + permissions(folder)) : Optional.empty());
    }

    private static Optional<String> media(Path path) {
        try {
            return Files.getFileStore(path).isReadOnly() ? Optional.of("it is on read-only media") : Optional.empty();
        } catch (IOException e) {
            return Optional.of("its storage cannot be queried: " + e.getMessage());
        }
    }

    private static boolean writeProtected(Path path) {
        return !Files.isWritable(path) || noWriteBit(path);
    }

    private static boolean noWriteBit(Path path) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            return permissions.stream().noneMatch(WRITE_BITS::contains);
        } catch (IOException e) {
            return false;
        }
    }

    private static String permissions(Path path) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return "";
        }
        try {
            return " (" + PosixFilePermissions.toString(view.readAttributes().permissions()) + ")";
        } catch (IOException e) {
            return "";
        }
    }
}
