package org.fr3workbench.probe.boot;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.PKCS7ProcessableObject;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Test EFI binaries: a minimal valid PE32+ EFI application, keys, and an Authenticode signer written for the tests. */
public final class EfiBinaries {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EfiBinaries() {
    }

    /** A key with its certificate. */
    public record Key(PrivateKey key, X509Certificate certificate) {
    }

    /**
     * A PE32+ x86-64 EFI application: DOS header, PE headers with 16 data directories, one .text
     * section holding {@code xor eax,eax; ret} (returns EFI_SUCCESS) and a .data section with a marker.
     */
    public static byte[] application(String marker) {
        int fileAlign = 0x200;
        ByteBuffer b = ByteBuffer.allocate(0x600).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) 0x5a4d);
        b.putInt(0x3c, 0x80);
        b.putInt(0x80, 0x00004550);
        int coff = 0x84;
        b.putShort(coff, (short) 0x8664);
        b.putShort(coff + 2, (short) 2);
        b.putShort(coff + 16, (short) 240);
        b.putShort(coff + 18, (short) 0x0206);
        int opt = coff + 20;
        b.putShort(opt, (short) 0x20b);
        b.put(opt + 2, (byte) 2);
        b.putInt(opt + 4, fileAlign);
        b.putInt(opt + 8, fileAlign);
        b.putInt(opt + 16, 0x1000);
        b.putInt(opt + 20, 0x1000);
        b.putLong(opt + 24, 0x10000000L);
        b.putInt(opt + 32, 0x1000);
        b.putInt(opt + 36, fileAlign);
        b.putInt(opt + 56, 0x3000);
        b.putInt(opt + 60, fileAlign);
        b.putShort(opt + 68, (short) 10);
        b.putLong(opt + 72, 0x100000L);
        b.putLong(opt + 80, 0x1000L);
        b.putLong(opt + 88, 0x100000L);
        b.putLong(opt + 96, 0x1000L);
        b.putInt(opt + 108, 16);
        int sections = opt + 240;
        section(b, sections, ".text", 0x1000, 0x200, 0x60000020);
        section(b, sections + 40, ".data", 0x2000, 0x400, 0xc0000040);
        b.put(0x200, (byte) 0x31).put(0x201, (byte) 0xc0).put(0x202, (byte) 0xc3);
        byte[] text = marker.getBytes(StandardCharsets.US_ASCII);
        b.put(0x400, text, 0, Math.min(text.length, 0x200));
        return b.array();
    }

    private static void section(ByteBuffer b, int at, String name, int rva, int raw, int flags) {
        byte[] n = Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 8);
        b.put(at, n);
        b.putInt(at + 8, 0x200);
        b.putInt(at + 12, rva);
        b.putInt(at + 16, 0x200);
        b.putInt(at + 20, raw);
        b.putInt(at + 36, flags);
    }

    /** A self-signed CA-capable RSA key, or one issued by {@code issuer}. */
    public static Key key(String cn, Key issuer) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + cn);
        X500Name issuerName = issuer == null ? subject : new X500Name(issuer.certificate().getSubjectX500Principal().getName());
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(issuer == null));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
        PrivateKey signing = issuer == null ? pair.getPrivate() : issuer.key();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signing)));
        return new Key(pair.getPrivate(), cert);
    }

    /**
     * Signs a PE image the Authenticode way: pads it to 8 bytes, digests it, wraps the digest in an
     * SpcIndirectDataContent, signs that as PKCS#7 SignedData and appends it as a WIN_CERTIFICATE.
     */
    public static byte[] sign(byte[] unsigned, Key signer, List<X509Certificate> extra) throws Exception {
        byte[] padded = Arrays.copyOf(unsigned, (unsigned.length + 7) & ~7);
        byte[] digest = AuthenticodeDigest.compute(padded, PeImage.parse(padded), "SHA-256");
        DERSequence peImageData = new DERSequence(new ASN1Encodable[] {new DERBitString(new byte[0]),
            new DERTaggedObject(true, 0, new DERTaggedObject(false, 2, new DERBMPString("<<<Obsolete>>>")))});
        DERSequence indirect = new DERSequence(new ASN1Encodable[] {
            new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.15"), peImageData}),
            new DERSequence(new ASN1Encodable[] {new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                new DEROctetString(digest)})});
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.key()), signer.certificate()));
        List<X509Certificate> certs = new java.util.ArrayList<>(List.of(signer.certificate()));
        certs.addAll(extra);
        generator.addCertificates(new JcaCertStore(certs));
        CMSSignedData detached = generator.generate(new PKCS7ProcessableObject(AuthenticodeInspector.SPC_INDIRECT_DATA, indirect), false);
        SignedData sd = SignedData.getInstance(detached.toASN1Structure().getContent());
        SignedData attached = new SignedData(sd.getDigestAlgorithms(), new ContentInfo(AuthenticodeInspector.SPC_INDIRECT_DATA, indirect),
                sd.getCertificates(), sd.getCRLs(), sd.getSignerInfos());
        byte[] pkcs7 = new ContentInfo(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.signedData, attached).getEncoded("DER");
        int certLength = (8 + pkcs7.length + 7) & ~7;
        ByteBuffer cert = ByteBuffer.allocate(certLength).order(ByteOrder.LITTLE_ENDIAN);
        cert.putInt(8 + pkcs7.length).putShort((short) 0x0200).putShort((short) 0x0002).put(pkcs7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(padded);
        out.write(cert.array());
        byte[] signed = out.toByteArray();
        PeImage image = PeImage.parse(padded);
        ByteBuffer.wrap(signed).order(ByteOrder.LITTLE_ENDIAN).putInt(image.certEntryOffset(), padded.length)
                .putInt(image.certEntryOffset() + 4, certLength);
        return signed;
    }

    /** An EFI_SIGNATURE_LIST with one entry per data item, all of one type and owner. */
    public static byte[] signatureList(EfiGuid type, EfiGuid owner, List<byte[]> items) {
        int size = items.getFirst().length + 16;
        ByteBuffer b = ByteBuffer.allocate(28 + size * items.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(type.bytes()).putInt(28 + size * items.size()).putInt(0).putInt(size);
        for (byte[] item : items) {
            b.put(owner.bytes()).put(item);
        }
        return b.array();
    }
}
