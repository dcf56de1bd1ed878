package org.fr3workbench.probe.update;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an SWUpdate image in one streaming pass: lists its members with their SHA-256, checks
 * that {@code sw-description} and {@code sw-description.sig} come first, and reports the CMS
 * signer. Only sw-description and its signature are held in memory (up to {@link #MAX_METADATA}).
 */
public final class SwuInspector {

    /** Largest sw-description or signature read into memory; larger ones are taken as corruption. */
    public static final int MAX_METADATA = 1024 * 1024;

    private final CmsSignatureInspector signatures = new CmsSignatureInspector();

    /**
     * @param image   the .swu file
     * @param trusted the certificate the device verifies with, if known
     * @throws IOException when the file cannot be read at all (missing, unreadable)
     */
    public SwuInspection inspect(Path image, Optional<X509Certificate> trusted) throws IOException {
        MessageDigest whole = sha256();
        List<CpioEntry> entries = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        byte[] description = null;
        byte[] signature = null;
        String problem = "";
        try (InputStream file = Files.newInputStream(image);
             DigestInputStream digesting = new DigestInputStream(file, whole);
             CpioReader reader = new CpioReader(digesting)) {
            try {
                for (CpioEntry entry = reader.next(); entry != null && !entry.isTrailer(); entry = reader.next()) {
                    entries.add(entry);
                    boolean metadata = entries.size() <= 2
                            && (entry.name().equals(SwuInspection.DESCRIPTION) || entry.name().equals(SwuInspection.SIGNATURE));
                    MessageDigest digest = sha256();
                    ByteArrayOutputStream kept = new ByteArrayOutputStream();
                    OutputStream sink = metadata && entry.size() <= MAX_METADATA ? kept : OutputStream.nullOutputStream();
                    new DigestInputStream(reader.data(), digest).transferTo(sink);
                    hashes.add(HexFormat.of().formatHex(digest.digest()));
                    if (sink == kept && entry.name().equals(SwuInspection.DESCRIPTION)) {
                        description = kept.toByteArray();
                    } else if (sink == kept) {
                        signature = kept.toByteArray();
                    }
                }
                reader.skipTrailingPadding();
            } catch (CpioException e) {
                problem = e.getMessage();
                digesting.transferTo(OutputStream.nullOutputStream());
            }
        }
        String descriptionText = description == null ? "" : new String(description, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        List<SwuInspection.Member> members = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            boolean listed = i < hashes.size() && !descriptionText.isEmpty() && descriptionText.contains(hashes.get(i));
            members.add(new SwuInspection.Member(entries.get(i), i < hashes.size() ? hashes.get(i) : "", listed));
        }
        boolean ordered = entries.size() >= 2 && entries.get(0).name().equals(SwuInspection.DESCRIPTION)
                && entries.get(1).name().equals(SwuInspection.SIGNATURE);
        Optional<CmsSignatureReport> report = Optional.empty();
        if (signature != null && description != null) {
            report = Optional.of(signatures.inspect(signature, description, trusted));
        }
        return new SwuInspection(Files.size(image), HexFormat.of().formatHex(whole.digest()),
                entries.isEmpty() ? Optional.empty() : Optional.of(entries.getFirst().format()), members, problem, ordered,
                Optional.ofNullable(description), report);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
