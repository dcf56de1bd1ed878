package org.fr3workbench.probe.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the negative test images from a valid signed SWUpdate image, each written to a folder
 * with its SHA-256. Every derivation streams the archive; only sw-description and its signature are
 * held in memory. Changes are as small as they can be: where a change keeps the length, the file is
 * copied and patched in place (the data byte and the crc checksum field, nothing else); where it
 * cannot, the archive is re-packed member by member with the original header bytes of every
 * member that did not change.
 */
public final class TestImageDeriver {

    /** Size of the zeroed image, as in CIP's CI ({@code dd if=/dev/zero bs=1M count=5}). */
    public static final int ZEROED_SIZE = 5 * 1024 * 1024;
    private static final List<Pattern> PREFERRED_KEYS = List.of(Pattern.compile("\\bdescription\\s*[=:]\\s*\""),
            Pattern.compile("\\bversion\\s*[=:]\\s*\""));
    private static final Pattern ANY_QUOTED = Pattern.compile("\"[^\"\\n]*[A-Za-z0-9][^\"\\n]*\"");

    private final SwuInspector inspector = new SwuInspector();
    private final CmsSigner signer = new CmsSigner();

    /**
     * Writes the positive control and every negative image into {@code folder}.
     *
     * @throws IllegalArgumentException when the valid image is not a well-formed signed image (the message says why)
     */
    public List<TestImage> derive(Path valid, Path folder) throws IOException {
        SwuInspection inspection = inspector.inspect(valid, Optional.empty());
        requireUsable(valid, inspection);
        Files.createDirectories(folder);
        List<TestImage> images = new ArrayList<>();
        Path control = folder.resolve(TestImageKind.VALID.fileName());
        Files.copy(valid, control, StandardCopyOption.REPLACE_EXISTING);
        images.add(image(TestImageKind.VALID, control, "none: a copy of " + valid.getFileName()));
        Optional<SwuInspection.Member> payload = payload(inspection);
        if (payload.isPresent()) {
            images.add(flipPayloadBit(valid, folder, payload.get()));
        }
        images.add(alterDescription(valid, folder, inspection));
        images.add(removeSignature(valid, folder));
        images.add(truncate(valid, folder, inspection));
        images.add(zeroed(folder));
        images.add(resignWithUnknownKey(valid, folder, inspection));
        return images;
    }

    private static void requireUsable(Path valid, SwuInspection inspection) {
        if (!inspection.structureOk()) {
            throw new IllegalArgumentException(valid + " is not a readable cpio archive: " + inspection.problem());
        }
        if (!inspection.orderOk()) {
            throw new IllegalArgumentException(valid
                    + " does not start with sw-description and sw-description.sig: not a signed SWUpdate image");
        }
        if (inspection.swDescription().isEmpty()) {
            throw new IllegalArgumentException(valid + ": sw-description is larger than " + SwuInspector.MAX_METADATA + " bytes");
        }
    }

    /** The payload to corrupt: the largest member after the signature that sw-description lists by hash, else the largest. */
    private static Optional<SwuInspection.Member> payload(SwuInspection inspection) {
        List<SwuInspection.Member> payloads = inspection.entries().subList(2, inspection.entries().size()).stream()
                .filter(m -> m.entry().size() > 0).toList();
        return payloads.stream().filter(SwuInspection.Member::listedInDescription)
                .max((a, b) -> Long.compare(a.entry().size(), b.entry().size()))
                .or(() -> payloads.stream().max((a, b) -> Long.compare(a.entry().size(), b.entry().size())));
    }

    private TestImage flipPayloadBit(Path valid, Path folder, SwuInspection.Member member) throws IOException {
        CpioEntry entry = member.entry();
        long at = entry.dataOffset() + entry.size() / 2;
        Path out = copy(valid, folder, TestImageKind.PAYLOAD_BIT_FLIP);
        int before = patchByte(out, at, b -> b ^ 0x01);
        int after = before ^ 0x01;
        String checksum = fixChecksum(out, entry, after - before);
        return image(TestImageKind.PAYLOAD_BIT_FLIP, out,
                String.format("bit 0 of byte %d flipped (member '%s', data byte %d: 0x%02X -> 0x%02X)%s",
                at, entry.name(), entry.size() / 2, before, after, checksum));
    }

    private TestImage alterDescription(Path valid, Path folder, SwuInspection inspection) throws IOException {
        byte[] description = inspection.swDescription().orElseThrow();
        int index = alterableIndex(new String(description, StandardCharsets.ISO_8859_1));
        CpioEntry entry = inspection.entries().getFirst().entry();
        long at = entry.dataOffset() + index;
        Path out = copy(valid, folder, TestImageKind.DESCRIPTION_ALTERED);
        int before = patchByte(out, at, TestImageDeriver::alter);
        int after = alter(before);
        String checksum = fixChecksum(out, entry, after - before);
        return image(TestImageKind.DESCRIPTION_ALTERED, out,
                String.format("sw-description byte %d changed from '%c' to '%c' (archive byte %d)%s",
                index, (char) before, (char) after, at, checksum));
    }

    /** Index of a letter or digit inside a quoted value, preferring description and version. */
    static int alterableIndex(String text) {
        for (Pattern preferred : PREFERRED_KEYS) {
            Matcher key = preferred.matcher(text);
            while (key.find()) {
                for (int i = key.end(); i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n'; i++) {
                    if (Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) < 0x80) {
                        return i;
                    }
                }
            }
        }
        Matcher any = ANY_QUOTED.matcher(text);
        if (any.find()) {
            for (int i = any.start() + 1; i < any.end(); i++) {
                if (Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) < 0x80) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("sw-description has no quoted value that can be altered");
    }

    private static int alter(int c) {
        if (c >= '0' && c <= '9') {
            return '0' + (c - '0' + 1) % 10;
        }
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    }

    private TestImage removeSignature(Path valid, Path folder) throws IOException {
        Path out = folder.resolve(TestImageKind.SIGNATURE_REMOVED.fileName());
        repack(valid, out, SwuInspection.SIGNATURE, null);
        return image(TestImageKind.SIGNATURE_REMOVED, out, "member sw-description.sig removed; other members and headers unchanged, "
                + "archive padded to " + CpioWriter.BLOCK + " bytes");
    }

    private TestImage resignWithUnknownKey(Path valid, Path folder, SwuInspection inspection) throws IOException {
        CmsSigner.KeyAndCertificate unknown = signer.generate("FR3 Workbench throwaway test key", Duration.ofDays(1));
        byte[] signature = signer.signDetached(inspection.swDescription().orElseThrow(), unknown);
        Path out = folder.resolve(TestImageKind.UNKNOWN_KEY.fileName());
        repack(valid, out, SwuInspection.SIGNATURE, signature);
        return image(TestImageKind.UNKNOWN_KEY, out, "sw-description.sig replaced by a signature from a throwaway key ("
                + unknown.certificate().getSubjectX500Principal().getName() + ", serial "
                + unknown.certificate().getSerialNumber().toString(16) + ")");
    }

    private TestImage truncate(Path valid, Path folder, SwuInspection inspection) throws IOException {
        CpioEntry last = inspection.entries().getLast().entry();
        long cut = last.size() > 1 ? last.dataOffset() + last.size() / 2 : Files.size(valid) / 2;
        Path out = folder.resolve(TestImageKind.TRUNCATED.fileName());
        try (InputStream in = Files.newInputStream(valid); OutputStream target = Files.newOutputStream(out)) {
            copyBytes(in, target, cut);
        }
        return image(TestImageKind.TRUNCATED, out, "the first " + cut + " of " + Files.size(valid)
                + " bytes (cut inside '" + last.name() + "')");
    }

    private TestImage zeroed(Path folder) throws IOException {
        Path out = folder.resolve(TestImageKind.ZEROED.fileName());
        try (OutputStream target = Files.newOutputStream(out)) {
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < ZEROED_SIZE / block.length; i++) {
                target.write(block);
            }
        }
        return image(TestImageKind.ZEROED, out, ZEROED_SIZE + " zero bytes");
    }

    /** Copies the archive member by member; drops {@code name}, or replaces its data when {@code replacement} is given. */
    private static void repack(Path valid, Path out, String name, byte[] replacement) throws IOException {
        try (CpioReader reader = new CpioReader(Files.newInputStream(valid));
             OutputStream target = new java.io.BufferedOutputStream(Files.newOutputStream(out), 64 * 1024)) {
            CpioWriter writer = new CpioWriter(target);
            for (CpioEntry entry = reader.next(); entry != null; entry = reader.next()) {
                if (entry.isTrailer()) {
                    writer.finishRaw(reader.rawHeader());
                    break;
                }
                if (entry.name().equals(name)) {
                    if (replacement != null) {
                        writer.writeEntry(entry.withData(replacement.length, CpioWriter.checksum(replacement)), replacement);
                    }
                    continue;
                }
                writer.writeRaw(reader.rawHeader());
                InputStream data = reader.data();
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = data.read(buffer)) > 0) {
                    writer.writeRaw(buffer, 0, n);
                }
                writer.pad(4);
            }
        }
    }

    private static Path copy(Path valid, Path folder, TestImageKind kind) throws IOException {
        Path out = folder.resolve(kind.fileName());
        Files.copy(valid, out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    /** Changes one byte in place and returns its old value. */
    private static int patchByte(Path file, long at, java.util.function.IntUnaryOperator change) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, at);
            int before = one.get(0) & 0xff;
            channel.write(ByteBuffer.wrap(new byte[] {(byte) change.applyAsInt(before)}), at);
            return before;
        }
    }

    /** For the crc format, adds {@code delta} to the entry's checksum field so that only the content check can fail. */
    private static String fixChecksum(Path file, CpioEntry entry, int delta) throws IOException {
        if (entry.format() != CpioFormat.CRC) {
            return "";
        }
        long fixed = (entry.checksum() + delta) & 0xffffffffL;
        byte[] field = String.format("%08X", fixed).getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(field), entry.headerOffset() + CpioEntry.CHECKSUM_FIELD);
        }
        return String.format("; crc checksum field updated %08X -> %08X", entry.checksum(), fixed);
    }

    private static void copyBytes(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static TestImage image(TestImageKind kind, Path path, String change) throws IOException {
        MessageDigest digest = SwuInspector.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new TestImage(kind, path, Files.size(path), HexFormat.of().formatHex(digest.digest()), change);
    }
}
