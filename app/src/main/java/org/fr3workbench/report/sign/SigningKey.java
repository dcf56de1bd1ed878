package org.fr3workbench.report.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A private key and its certificate chain from a PKCS#12 file.
 *
 * @param privateKey the signing key
 * @param chain      the signer's certificate first, then its issuers
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningKey {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Loads the key; errors name the file and what is wrong, never the password. */
    public static SigningKey load(Path file, char[] password, Optional<String> alias) throws SigningException {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new SigningException("key file " + file + " does not exist");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new SigningException("cannot open key file " + file + ": wrong password", e);
            }
            throw new SigningException("cannot read key file " + file + " as PKCS#12: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot read key file " + file + " as PKCS#12: " + e.getMessage(), e);
        }
        try {
            String name = alias.orElse(null);
            if (name == null) {
                List<String> keys = new ArrayList<>();
                for (String a : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw new SigningException("key file " + file + " holds " + keys.size() + " keys " + keys
                            + ": name one with an alias");
                }
                name = keys.get(0);
            }
            if (!store.isKeyEntry(name)) {
                throw new SigningException("key file " + file + " has no private key named '" + name + "'");
            }
            PrivateKey key = (PrivateKey) store.getKey(name, password);
            Certificate[] certs = store.getCertificateChain(name);
            if (certs == null || certs.length == 0) {
                throw new SigningException("key '" + name + "' in " + file + " has no certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                chain.add((X509Certificate) c);
            }
            return new SigningKey(key, chain);
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot use the key in " + file + ": " + e.getMessage(), e);
        }
    }
}
