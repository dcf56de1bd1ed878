package org.fr3workbench.probe.tls;

/** Lets the caller stop a scan; checked before every connection. */
@FunctionalInterface
public interface TlsScanCancellation {

    /** A cancellation that never fires. */
    TlsScanCancellation NONE = () -> false;

    boolean isCancelled();
}
