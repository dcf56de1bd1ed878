package org.fr3workbench.probe.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.fr3workbench.testsupport.Peers;
import org.fr3workbench.testsupport.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EFI signature lists (ours and efitools') and the db/dbx judgement. */
class SecureBootJudgeTest {

    static final EfiGuid OWNER = new EfiGuid("11111111-2222-3333-4444-555566667777");
    static final EfiSignatureDatabase EMPTY = new EfiSignatureDatabase(-1, List.of());

    @TempDir
    static Path dir;
    static EfiBinaries.Key ca;
    static EfiBinaries.Key signer;
    static EfiBinaries.Key stranger;
    static AuthenticodeReport signed;
    static AuthenticodeReport strangerSigned;
    static AuthenticodeReport unsigned;

    @BeforeAll
    static void keys() throws Exception {
        ca = EfiBinaries.key("FR3 db CA", null);
        signer = EfiBinaries.key("FR3 boot signer", ca);
        stranger = EfiBinaries.key("Unknown signer", null);
        byte[] app = EfiBinaries.application("judge");
        AuthenticodeInspector inspector = new AuthenticodeInspector();
        signed = inspector.inspect(EfiBinaries.sign(app, signer, List.of(ca.certificate())));
        strangerSigned = inspector.inspect(EfiBinaries.sign(app, stranger, List.of()));
        unsigned = inspector.inspect(app);
    }

    @Test
    void aSignerIssuedByADbCertificateIsTrusted() throws Exception {
        SecureBootJudgement judgement = new SecureBootJudge().judge(signed, db(ca), EMPTY);
        assertThat(judgement.trusted()).isTrue();
        assertThat(judgement.forbidden()).isFalse();
        assertThat(judgement.wouldBoot()).isTrue();
        assertThat(judgement.reasons()).anyMatch(r -> r.contains("trusted through db certificate CN=FR3 db CA"));
    }

    @Test
    void aSignerInDbDirectlyIsTrustedAndAStrangerIsNot() throws Exception {
        assertThat(new SecureBootJudge().judge(signed, db(signer), EMPTY).wouldBoot()).isTrue();
        SecureBootJudgement wrongKey = new SecureBootJudge().judge(strangerSigned, db(ca), EMPTY);
        assertThat(wrongKey.trusted()).isFalse();
        assertThat(wrongKey.reasons()).anyMatch(r -> r.contains("does not chain to any db certificate"));
    }

    @Test
    void dbxBeatsDb() throws Exception {
        SecureBootJudgement bySigner = new SecureBootJudge().judge(signed, db(ca), db(signer));
        assertThat(bySigner.trusted()).isTrue();
        assertThat(bySigner.forbidden()).isTrue();
        assertThat(bySigner.wouldBoot()).isFalse();

        EfiSignatureDatabase hashDbx = new EfiSignatureDatabase(-1, EfiSignatureDatabase.parseLists(EfiBinaries.signatureList(
                EfiGuid.CERT_SHA256, OWNER, List.of(HexFormat.of().parseHex(signed.sha256()))), 0));
        assertThat(new SecureBootJudge().judge(signed, db(ca), hashDbx).forbidden()).isTrue();

        byte[] tbsHash = MessageDigest.getInstance("SHA-256").digest(ca.certificate().getTBSCertificate());
        byte[] withTime = java.util.Arrays.copyOf(tbsHash, 48);
        EfiSignatureDatabase tbsDbx = new EfiSignatureDatabase(-1, EfiSignatureDatabase.parseLists(EfiBinaries.signatureList(
                EfiGuid.CERT_X509_SHA256, OWNER, List.of(withTime)), 0));
        assertThat(new SecureBootJudge().judge(signed, db(ca), tbsDbx).forbidden()).as("the CA is revoked by TBS hash").isTrue();
    }

    @Test
    void anUnsignedImageBootsOnlyWhenItsHashIsInDb() throws Exception {
        assertThat(new SecureBootJudge().judge(unsigned, db(ca), EMPTY).wouldBoot()).isFalse();
        EfiSignatureDatabase hashDb = new EfiSignatureDatabase(-1, EfiSignatureDatabase.parseLists(EfiBinaries.signatureList(
                EfiGuid.CERT_SHA256, OWNER, List.of(HexFormat.of().parseHex(unsigned.sha256()))), 0));
        assertThat(new SecureBootJudge().judge(unsigned, hashDb, EMPTY).wouldBoot()).isTrue();
    }

    @Test
    void efivarsAttributesAreSkippedAndListsConcatenate() throws Exception {
        byte[] certs = EfiBinaries.signatureList(EfiGuid.CERT_X509, OWNER, List.of(ca.certificate().getEncoded()));
        byte[] hashes = EfiBinaries.signatureList(EfiGuid.CERT_SHA256, OWNER, List.of(new byte[32], new byte[32]));
        byte[] efivar = new byte[4 + certs.length + hashes.length];
        efivar[0] = 0x27;
        System.arraycopy(certs, 0, efivar, 4, certs.length);
        System.arraycopy(hashes, 0, efivar, 4 + certs.length, hashes.length);

        EfiSignatureDatabase db = EfiSignatureDatabase.read(efivar);

        assertThat(db.attributes()).isEqualTo(0x27);
        assertThat(db.entries()).extracting(e -> e.type().typeName()).containsExactly("X509", "SHA256", "SHA256");
        assertThat(db.entries()).allSatisfy(e -> assertThat(e.owner()).isEqualTo(OWNER));
        assertThat(db.ofType(EfiGuid.CERT_X509).getFirst().data()).isEqualTo(ca.certificate().getEncoded());
        assertThat(EfiSignatureDatabase.read(new byte[0]).entries()).isEmpty();
    }

    @Test
    void malformedListsAreNamed() {
        byte[] list = EfiBinaries.signatureList(EfiGuid.CERT_SHA256, OWNER, List.of(new byte[32]));
        byte[] cut = java.util.Arrays.copyOf(list, list.length - 1);
        assertThatThrownBy(() -> EfiSignatureDatabase.read(cut)).isInstanceOf(PeFormatException.class).hasMessageContaining("has size");
        byte[] badSize = list.clone();
        badSize[24] = 17;
        assertThatThrownBy(() -> EfiSignatureDatabase.read(badSize)).hasMessageContaining("do not divide");
        assertThatThrownBy(() -> EfiSignatureDatabase.read(new byte[] {(byte) 0xa1, 2, 3, 4, 5})).hasMessageContaining("ends before");
    }

    @Test
    @Tag("peer")
    void readsListsMadeByEfitools() throws Exception {
        Path certToList = Peers.require("cert-to-efi-sig-list", "efitools");
        Files.writeString(dir.resolve("ca.pem"), AuthenticodeTest.pem(ca.certificate()));
        Processes.Result made = Processes.run(dir, certToList.toString(), "-g", OWNER.text(), "ca.pem", "db.esl");
        assertThat(made.exit()).as(made.output()).isZero();

        EfiSignatureDatabase db = EfiSignatureDatabase.read(Files.readAllBytes(dir.resolve("db.esl")));

        assertThat(db.attributes()).isEqualTo(-1);
        assertThat(db.entries()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EfiGuid.CERT_X509);
            assertThat(e.owner()).isEqualTo(OWNER);
            assertThat(e.data()).isEqualTo(ca.certificate().getEncoded());
        });
        assertThat(new SecureBootJudge().judge(signed, db, EMPTY).wouldBoot()).isTrue();
    }

    private static EfiSignatureDatabase db(EfiBinaries.Key key) throws Exception {
        return EfiSignatureDatabase.read(EfiBinaries.signatureList(EfiGuid.CERT_X509, OWNER, List.of(key.certificate().getEncoded())));
    }
}
