package org.fr3workbench.catalog;

import org.fr3workbench.probe.tls.CipherSuiteRegistry;
import org.fr3workbench.probe.tls.TlsNames;

/** The procedure loader as the application builds it (TLS policies checked against the scanner's registry). */
final class ProcedureFixtures {

    private ProcedureFixtures() {
    }

    static ProcedureLoader loader() {
        CipherSuiteRegistry registry = CipherSuiteRegistry.bundled();
        return new ProcedureLoader(new TlsPolicyLoader(name -> registry.byName(name).isPresent(), TlsNames::isKnownGroup));
    }
}
