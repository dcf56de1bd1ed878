package org.fr3workbench.report.sign;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to sign with and what the signature says. The password is only held in memory; it never
 * reaches a log, a file or the PDF ({@link #toString()} leaves it out).
 *
 * @param keyStore PKCS#12 file with the assessor's key and certificate
 * @param password its password
 * @param alias    the key's alias, or empty for the only key in the file
 * @param reason   the signature's reason, e.g. "Assessment dossier issued by the assessor"
 * @param location where it was signed
 * @param tsa      a time-stamp authority for PAdES B-T, or empty for B-B
 */
public record SigningRequest(Path keyStore, char[] password, Optional<String> alias, String reason, String location,
                             Optional<URI> tsa) {
    public SigningRequest {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(alias, "alias");
        reason = Objects.requireNonNullElse(reason, "");
        location = Objects.requireNonNullElse(location, "");
        Objects.requireNonNull(tsa, "tsa");
    }

    @Override
    public String toString() {
        return "SigningRequest[keyStore=" + keyStore + ", alias=" + alias + ", reason=" + reason + ", location=" + location
                + ", tsa=" + tsa + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningRequest o && keyStore.equals(o.keyStore) && java.util.Arrays.equals(password, o.password)
                && alias.equals(o.alias) && reason.equals(o.reason) && location.equals(o.location) && tsa.equals(o.tsa);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyStore, alias, reason, location, tsa);
    }
}
