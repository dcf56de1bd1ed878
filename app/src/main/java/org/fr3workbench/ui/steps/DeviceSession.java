package org.fr3workbench.ui.steps;

import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.fr3workbench.device.DeviceChannel;

/**
 * The device connection of the window, if any: the connect dialog ({@code ui/connect}) sets it, the step runner reads
 * it for {@code device} steps. A minimal holder until the connect dialog brings its own session object; then this
 * class moves there (docs/adr/0063).
 */
public final class DeviceSession {

    private final ObjectProperty<DeviceChannel> channel = new SimpleObjectProperty<>();
    /** What workers read: a copy of the property, written on the FX thread. */
    private volatile DeviceChannel connected;

    public DeviceSession() {
        channel.addListener((obs, old, now) -> connected = now);
    }

    /** The connected channel; set and read on the FX thread. */
    public ObjectProperty<DeviceChannel> channelProperty() {
        return channel;
    }

    /** The connected channel for a worker (a snapshot taken when the step starts). */
    public Optional<DeviceChannel> current() {
        DeviceChannel now = connected;
        return now != null && now.isConnected() ? Optional.of(now) : Optional.empty();
    }
}
