package org.fr3workbench.report.sign;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Builds the CMS SignedData of a PAdES baseline signature: detached, SHA-256, signed attributes
 * content-type, message-digest and signing-certificate-v2, and no signing-time (PAdES puts the claimed
 * time in the signature dictionary's /M). With a time-stamp authority the signature value gets a
 * signature-time-stamp unsigned attribute (B-T).
 */
final class CadesSigner {

    private final SigningKey key;
    private final Optional<TimeStampClient> tsa;

    CadesSigner(SigningKey key, Optional<TimeStampClient> tsa) {
        this.key = key;
        this.tsa = tsa;
    }

    byte[] sign(InputStream content) throws IOException {
        try {
            X509Certificate cert = key.certificate();
            String algorithm = key.privateKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            ASN1EncodableVector signed = new ASN1EncodableVector();
            signed.add(signingCertificateV2(cert));
            CMSAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(new AttributeTable(signed));
            CMSAttributeTableGenerator attributes = parameters -> standard.getAttributes(parameters)
                    .remove(CMSAttributes.signingTime);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(attributes)
                    .build(new JcaContentSignerBuilder(algorithm).build(key.privateKey()), cert));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData data = generator.generate(StreamedContent.once(content), false);
            if (tsa.isPresent()) {
                data = withTimeStamp(data, tsa.get());
            }
            return data.getEncoded("DER");
        } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            throw new SigningException("cannot build the signature: " + e.getMessage(), e);
        }
    }

    static Attribute signingCertificateV2(X509Certificate cert) throws CertificateEncodingException {
        byte[] hash = sha256(cert.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))), cert.getSerialNumber());
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(id)));
    }

    private static CMSSignedData withTimeStamp(CMSSignedData data, TimeStampClient tsa) throws IOException {
        SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
        byte[] token = tsa.timeStamp(sha256(signer.getSignature())).getEncoded();
        ASN1EncodableVector unsigned = new ASN1EncodableVector();
        unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(data, new SignerInformationStore(stamped));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
