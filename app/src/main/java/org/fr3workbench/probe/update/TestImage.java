package org.fr3workbench.probe.update;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A test image written to disk, with the hash recorded as evidence.
 *
 * @param kind   what was done to it
 * @param path   where it is
 * @param size   its size in bytes
 * @param sha256 SHA-256 of the file, hexadecimal
 * @param change exactly what differs from the valid image, for the dossier
 */
public record TestImage(TestImageKind kind, Path path, long size, String sha256, String change) {
    public TestImage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(change, "change");
    }
}
