package org.fr3workbench.store;

import java.util.List;
import java.util.Optional;
import org.fr3workbench.domain.HostKeyPin;

/**
 * The SSH host keys the assessor accepted for this assessment's devices. The device layer asks it
 * before trusting a key (it depends on {@code domain} only: the composition root adapts this
 * interface to the device layer's own trust interface). An unknown or changed key is never accepted
 * silently: {@link #pin} is called only after the assessor has confirmed the key.
 */
public interface HostKeyPins {

    /** The pinned key for a host and port, if any. */
    Optional<HostKeyPin> find(String host, int port);

    /** Every pin, by host and port. */
    List<HostKeyPin> all();

    /**
     * Pins a key the assessor has confirmed, replacing an earlier pin for the same host and port
     * (the journal keeps the earlier one).
     */
    HostKeyPin pin(String host, int port, String keyType, String fingerprint, String actor);
}
