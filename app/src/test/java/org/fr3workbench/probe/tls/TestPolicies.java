package org.fr3workbench.probe.tls;

import org.fr3workbench.catalog.TlsPolicyLoader;
import org.fr3workbench.domain.TlsPolicy;

/** The bundled policies, loaded as the application does. */
final class TestPolicies {

    static final CipherSuiteRegistry REGISTRY = CipherSuiteRegistry.bundled();

    private TestPolicies() {
    }

    static TlsPolicyLoader loader() {
        return new TlsPolicyLoader(name -> REGISTRY.byName(name).isPresent(), TlsNames::isKnownGroup);
    }

    static TlsPolicy bsi() {
        return loader().loadBundled("bsi-tr-02102-2");
    }
}
