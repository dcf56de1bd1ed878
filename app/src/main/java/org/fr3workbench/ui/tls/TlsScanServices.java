package org.fr3workbench.ui.tls;

import java.util.function.Supplier;
import org.fr3workbench.catalog.TlsPolicyLoader;
import org.fr3workbench.probe.tls.CipherSuiteRegistry;
import org.fr3workbench.probe.tls.DirectConnectionFactory;
import org.fr3workbench.probe.tls.TlsNames;
import org.fr3workbench.probe.tls.TlsScanProbe;

/**
 * What the TLS scan view needs from the composition root; created lazily, so that a window that never
 * scans never loads the cipher suite registry.
 *
 * @param probe    the scan probe (direct connections)
 * @param policies loads the bundled policies
 */
public record TlsScanServices(Supplier<TlsScanProbe> probe, Supplier<TlsPolicyLoader> policies) {

    /** Direct connections, the bundled registry and policies, each created on first use. */
    public static TlsScanServices bundled() {
        Supplier<CipherSuiteRegistry> registry = memoize(CipherSuiteRegistry::bundled);
        return new TlsScanServices(() -> new TlsScanProbe(new DirectConnectionFactory(), registry.get()),
                () -> new TlsPolicyLoader(name -> registry.get().byName(name).isPresent(), TlsNames::isKnownGroup));
    }

    private static <T> Supplier<T> memoize(Supplier<T> factory) {
        java.util.concurrent.atomic.AtomicReference<T> value = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> value.updateAndGet(current -> current != null ? current : factory.get());
    }
}
