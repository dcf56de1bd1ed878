package org.fr3workbench.device;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fr3workbench.domain.HostKeyPin;

/** Pins kept for the life of the object only. */
public final class InMemoryHostKeyPinStore implements HostKeyPinStore {

    private final Map<String, HostKeyPin> pins = new ConcurrentHashMap<>();

    @Override
    public Optional<HostKeyPin> find(String host, int port) {
        return Optional.ofNullable(pins.get(host + ":" + port));
    }

    @Override
    public void pin(HostKeyPin pin) {
        HostKeyPin existing = pins.putIfAbsent(pin.endpoint(), pin);
        if (existing != null && !existing.fingerprint().equals(pin.fingerprint())) {
            throw new IllegalStateException("refusing to overwrite the pin of " + pin.endpoint());
        }
    }

    /** All pins, for inspection. */
    public List<HostKeyPin> all() {
        return List.copyOf(pins.values());
    }
}
