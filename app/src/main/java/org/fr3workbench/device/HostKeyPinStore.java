package org.fr3workbench.device;

import java.util.Optional;
import org.fr3workbench.domain.HostKeyPin;

/**
 * Where pinned SSH host keys live. The assessment file implements it (the pin is part of the target's
 * identity); {@link InMemoryHostKeyPinStore} serves tests and one-off connections.
 */
public interface HostKeyPinStore {

    /** The pin for {@code host:port}, if any. */
    Optional<HostKeyPin> find(String host, int port);

    /** Stores a new pin. Never called to overwrite a pin with a different key: a changed key is refused. */
    void pin(HostKeyPin pin);
}
