package org.fr3workbench.probe.tls;

/** Receives progress from a running scan (on a scan thread: a GUI hands it to its own thread). */
@FunctionalInterface
public interface TlsScanListener {

    /** A listener that ignores progress. */
    TlsScanListener NONE = (step, connections) -> { };

    /**
     * @param step what the scanner is doing, e.g. {@code TLSv1.2: cipher suites}
     * @param connections connections opened so far
     */
    void progress(String step, int connections);
}
