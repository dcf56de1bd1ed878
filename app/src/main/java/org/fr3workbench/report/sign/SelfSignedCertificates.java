package org.fr3workbench.report.sign;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates a self-signed assessor certificate and its PKCS#12 file, for demonstrations and tests.
 * The certificate says what it is: its common name ends in "(self-signed)" and its organizational
 * unit states that no certification authority confirmed the identity. A signature made with it
 * proves that the dossier is unchanged since signing, not who signed it.
 */
public final class SelfSignedCertificates {

    /** The organizational unit that marks such certificates. */
    public static final String NOTICE = "Self-signed assessor certificate - identity not verified by any CA";
    public static final String ALIAS = "assessor";
    /** The subject of the demo key that signs sample dossiers: it names no assessor. */
    public static final String DEMO_SUBJECT = "FR3 Workbench DEMO key - not an assessor identity";
    /** The organizational unit of the demo key. */
    public static final String DEMO_NOTICE = "Demonstration only - signs sample dossiers and proves nothing about anyone";

    private final SecureRandom random = new SecureRandom();

    /**
     * Writes a new PKCS#12 file (it must not exist yet) and returns its key.
     *
     * @param keyBits RSA key size (3072 recommended; 2048 for fast tests)
     */
    public SigningKey create(Path pkcs12, char[] password, String assessor, String organization, Duration validity,
                             int keyBits) throws IOException {
        return create(pkcs12, password, assessor + " (self-signed)", NOTICE, organization, validity, keyBits);
    }

    /**
     * Writes a new PKCS#12 file with a demo key: its subject is {@link #DEMO_SUBJECT} (OU {@link #DEMO_NOTICE}),
     * so that nothing signed with it can be taken for an assessor's signature.
     */
    public SigningKey createDemo(Path pkcs12, char[] password, Duration validity, int keyBits) throws IOException {
        return create(pkcs12, password, DEMO_SUBJECT, DEMO_NOTICE, "", validity, keyBits);
    }

    private SigningKey create(Path pkcs12, char[] password, String commonName, String unit, String organization,
                              Duration validity, int keyBits) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(keyBits, random);
            KeyPair pair = generator.generateKeyPair();
            X500NameBuilder nameBuilder = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, commonName)
                    .addRDN(BCStyle.OU, unit);
            if (!organization.isBlank()) {
                nameBuilder.addRDN(BCStyle.O, organization);
            }
            X500Name name = nameBuilder.build();
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(96, random).abs()
                    .add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), name,
                    pair.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] {cert});
            try (OutputStream out = Files.newOutputStream(pkcs12, StandardOpenOption.CREATE_NEW)) {
                store.store(out, password);
            }
            return new SigningKey(pair.getPrivate(), java.util.List.of(cert));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new SigningException("cannot create a self-signed certificate: " + e.getMessage(), e);
        }
    }
}
