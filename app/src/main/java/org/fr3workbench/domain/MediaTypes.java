package org.fr3workbench.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Media types of evidence, from a file's name: the one table that the GUI's import, the capture
 * tools and {@code fr3 attach} share.
 */
public final class MediaTypes {

    /** Screenshots and annotated copies. */
    public static final String PNG = "image/png";
    /** Unknown binary content. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("png", PNG), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("jpe", "image/jpeg"), Map.entry("heic", "image/heic"), Map.entry("heif", "image/heif"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("bmp", "image/bmp"),
            Map.entry("tif", "image/tiff"), Map.entry("tiff", "image/tiff"),
            Map.entry("pdf", "application/pdf"), Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("log", "text/plain; charset=utf-8"),
            Map.entry("conf", "text/plain; charset=utf-8"), Map.entry("cfg", "text/plain; charset=utf-8"),
            Map.entry("html", "text/html"), Map.entry("csv", "text/csv"));

    /** Images that the workbench can decode, show and annotate (HEIC, WebP and TIFF are stored as files only). */
    private static final Set<String> EDITABLE = Set.of(PNG, "image/jpeg", "image/gif", "image/bmp");

    private MediaTypes() {
    }

    /** The media type for a file name's extension (case-insensitive), if it is a known one. */
    public static Optional<String> forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(BY_EXTENSION.get(lower.substring(dot + 1)));
    }

    /** True for any {@code image/*} type (photos, also those the workbench cannot show). */
    public static boolean isImage(String mediaType) {
        return base(mediaType).startsWith("image/");
    }

    /** True for images that can be shown and annotated (PNG, JPEG, GIF, BMP). */
    public static boolean isEditableImage(String mediaType) {
        return EDITABLE.contains(base(mediaType));
    }

    private static String base(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
