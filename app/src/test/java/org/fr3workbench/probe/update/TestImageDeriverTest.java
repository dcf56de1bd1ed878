package org.fr3workbench.probe.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each derived image, compared byte by byte with the valid one: only the intended bytes differ. */
class TestImageDeriverTest {

    @TempDir
    static Path dir;

    static SwuFixture swu;
    static byte[] original;
    static SwuInspection valid;
    static Map<TestImageKind, TestImage> images;
    static X509Certificate cert;

    @BeforeAll
    static void derive() throws Exception {
        swu = SwuFixture.build(dir.resolve("src"), CpioFormat.CRC, 70_001, "/tmp/never");
        original = Files.readAllBytes(swu.image);
        cert = SwuArchiveTest.certificate(swu.certificate);
        valid = new SwuInspector().inspect(swu.image, Optional.of(cert));
        images = new TestImageDeriver().derive(swu.image, dir.resolve("out")).stream()
                .collect(Collectors.toMap(TestImage::kind, Function.identity()));
    }

    @Test
    void everyKindIsWrittenWithItsSha256() throws Exception {
        assertThat(images.keySet()).containsExactlyInAnyOrder(TestImageKind.values());
        for (TestImage image : images.values()) {
            byte[] bytes = Files.readAllBytes(image.path());
            assertThat(image.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            assertThat(image.size()).isEqualTo(bytes.length);
            assertThat(image.path().getFileName()).hasToString(image.kind().fileName());
        }
        assertThat(images.values().stream().map(TestImage::sha256).distinct()).hasSize(TestImageKind.values().length);
        assertThat(Files.readAllBytes(images.get(TestImageKind.VALID).path())).isEqualTo(original);
    }

    @Test
    void payloadBitFlipChangesOneDataBitAndTheCrcField() throws Exception {
        TestImage image = images.get(TestImageKind.PAYLOAD_BIT_FLIP);
        byte[] bytes = Files.readAllBytes(image.path());
        CpioEntry payload = valid.entries().get(2).entry();
        long flipped = payload.dataOffset() + payload.size() / 2;

        List<Integer> diffs = differences(original, bytes);
        assertThat(diffs).contains((int) flipped);
        assertThat(bytes[(int) flipped] ^ original[(int) flipped]).isEqualTo(1);
        assertThat(diffs).allSatisfy(at -> assertThat(at == flipped || inChecksumField(payload, at)).as("byte %d", at).isTrue());

        SwuInspection derived = new SwuInspector().inspect(image.path(), Optional.of(cert));
        assertThat(derived.structureOk()).as("cpio checksums stay valid: %s", derived.problem()).isTrue();
        assertThat(derived.signatureOk(true)).isTrue();
        assertThat(derived.entries().get(2).listedInDescription()).isFalse();
        assertThat(image.change()).contains("member '" + SwuFixture.PAYLOAD + "'").contains("crc checksum field updated");
    }

    @Test
    void alteredDescriptionKeepsLengthAndCpioValidButBreaksTheSignature() throws Exception {
        TestImage image = images.get(TestImageKind.DESCRIPTION_ALTERED);
        byte[] bytes = Files.readAllBytes(image.path());
        CpioEntry description = valid.entries().getFirst().entry();

        List<Integer> diffs = differences(original, bytes);
        List<Integer> inData = diffs.stream().filter(at -> at >= description.dataOffset()
                && at < description.dataOffset() + description.size()).toList();
        assertThat(inData).hasSize(1);
        assertThat(diffs).allSatisfy(at -> assertThat(inData.contains(at) || inChecksumField(description, at)).isTrue());
        String before = new String(swu.description, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(before.substring(0, (int) (inData.getFirst() - description.dataOffset())))
                .endsWith("description = \"");

        SwuInspection derived = new SwuInspector().inspect(image.path(), Optional.of(cert));
        assertThat(derived.structureOk()).isTrue();
        assertThat(derived.orderOk()).isTrue();
        assertThat(derived.signatureOk(true)).isFalse();
        assertThat(derived.signatureOk(false)).isFalse();
        assertThat(new String(derived.swDescription().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("description = \"fR3 Workbench test update\"");
    }

    @Test
    void removedSignatureLeavesEveryOtherMemberByteIdentical() throws Exception {
        TestImage image = images.get(TestImageKind.SIGNATURE_REMOVED);
        byte[] bytes = Files.readAllBytes(image.path());
        SwuInspection derived = new SwuInspector().inspect(image.path(), Optional.of(cert));

        assertThat(derived.structureOk()).isTrue();
        assertThat(derived.entries()).extracting(m -> m.entry().name()).containsExactly("sw-description", SwuFixture.PAYLOAD);
        assertThat(derived.orderOk()).isFalse();
        assertThat(derived.signature()).isEmpty();
        assertThat(bytes.length % CpioWriter.BLOCK).isZero();
        assertSameMember(bytes, derived.entries().get(0).entry(), valid.entries().get(0).entry());
        assertSameMember(bytes, derived.entries().get(1).entry(), valid.entries().get(2).entry());
    }

    @Test
    void unknownKeySignatureReplacesOnlyTheSignatureMember() throws Exception {
        TestImage image = images.get(TestImageKind.UNKNOWN_KEY);
        byte[] bytes = Files.readAllBytes(image.path());
        SwuInspection derived = new SwuInspector().inspect(image.path(), Optional.of(cert));

        assertThat(derived.structureOk()).as(derived.problem()).isTrue();
        assertThat(derived.orderOk()).isTrue();
        CmsSignatureReport report = derived.signature().orElseThrow();
        assertThat(report.verifiesWithEmbedded()).as("a valid signature ...").isTrue();
        assertThat(report.verifiesWithGiven()).as("... by a key the device does not trust").isFalse();
        assertThat(report.signers().getFirst().subject()).contains("throwaway");
        assertSameMember(bytes, derived.entries().get(0).entry(), valid.entries().get(0).entry());
        assertSameMember(bytes, derived.entries().get(2).entry(), valid.entries().get(2).entry());
        CpioEntry sig = derived.entries().get(1).entry();
        assertThat(sig.checksum()).isEqualTo(CpioWriter.checksum(Arrays.copyOfRange(bytes, (int) sig.dataOffset(),
                (int) (sig.dataOffset() + sig.size()))));
    }

    @Test
    void truncatedIsAPrefixCutInsideThePayload() throws Exception {
        TestImage image = images.get(TestImageKind.TRUNCATED);
        byte[] bytes = Files.readAllBytes(image.path());
        CpioEntry payload = valid.entries().get(2).entry();

        assertThat(bytes.length).isEqualTo(payload.dataOffset() + payload.size() / 2);
        assertThat(bytes).isEqualTo(Arrays.copyOf(original, bytes.length));
        SwuInspection derived = new SwuInspector().inspect(image.path(), Optional.empty());
        assertThat(derived.problem()).contains("ends inside the data of '" + SwuFixture.PAYLOAD + "'");
        assertThat(derived.signatureOk(false)).as("metadata intact: only the truncation is wrong").isTrue();
    }

    @Test
    void zeroedIsFiveMebibytesOfZeros() throws Exception {
        byte[] bytes = Files.readAllBytes(images.get(TestImageKind.ZEROED).path());
        assertThat(bytes).hasSize(5 * 1024 * 1024);
        assertThat(differences(bytes, new byte[bytes.length])).isEmpty();
        assertThat(new SwuInspector().inspect(images.get(TestImageKind.ZEROED).path(), Optional.empty()).problem())
                .contains("not a newc/crc cpio header");
    }

    @Test
    void newcImagesAreDerivedWithoutChecksumChanges() throws Exception {
        SwuFixture newc = SwuFixture.build(dir.resolve("newc"), CpioFormat.NEWC, 999, "/tmp/never");
        byte[] before = Files.readAllBytes(newc.image);
        TestImage flipped = new TestImageDeriver().derive(newc.image, dir.resolve("newc-out")).stream()
                .filter(i -> i.kind() == TestImageKind.PAYLOAD_BIT_FLIP).findFirst().orElseThrow();
        assertThat(differences(before, Files.readAllBytes(flipped.path()))).hasSize(1);
        assertThat(flipped.change()).doesNotContain("checksum");
    }

    @Test
    void anImageWithoutSignatureCannotBeTheValidImage() throws Exception {
        Path unsigned = images.get(TestImageKind.SIGNATURE_REMOVED).path();
        assertThatThrownBy(() -> new TestImageDeriver().derive(unsigned, dir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a signed SWUpdate image");
        assertThatThrownBy(() -> new TestImageDeriver().derive(images.get(TestImageKind.ZEROED).path(), dir.resolve("y")))
                .hasMessageContaining("not a readable cpio archive");
    }

    @Test
    void alterablePositionPrefersDescriptionThenVersionThenAnyQuotedValue() {
        assertThat(TestImageDeriver.alterableIndex("version = \"1.0\";\ndescription = \"abc\";")).isEqualTo(32);
        assertThat(TestImageDeriver.alterableIndex("x = 1; version = \"1.0\";")).isEqualTo(18);
        assertThat(TestImageDeriver.alterableIndex("name = \"  z\";")).isEqualTo(10);
        assertThatThrownBy(() -> TestImageDeriver.alterableIndex("a = 1;")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSameMember(byte[] derived, CpioEntry derivedEntry, CpioEntry originalEntry) {
        int headerLength = (int) (originalEntry.dataOffset() - originalEntry.headerOffset());
        assertThat(derivedEntry.dataOffset() - derivedEntry.headerOffset()).isEqualTo(headerLength);
        assertThat(Arrays.copyOfRange(derived, (int) derivedEntry.headerOffset(), (int) derivedEntry.endOffset()))
                .as("member %s byte-identical", originalEntry.name())
                .isEqualTo(Arrays.copyOfRange(original, (int) originalEntry.headerOffset(), (int) originalEntry.endOffset()));
    }

    private static boolean inChecksumField(CpioEntry entry, long at) {
        long start = entry.headerOffset() + CpioEntry.CHECKSUM_FIELD;
        return at >= start && at < start + 8;
    }

    private static List<Integer> differences(byte[] a, byte[] b) {
        assertThat(b).hasSameSizeAs(a);
        List<Integer> diffs = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                diffs.add(i);
            }
        }
        return diffs;
    }
}
