package org.fr3workbench.probe.boot;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** Reads one X.509 certificate from DER (or PEM) bytes, quietly: unreadable data gives empty. */
final class DerCertificates {

    private DerCertificates() {
    }

    static Optional<X509Certificate> parse(byte[] bytes) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes)));
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
