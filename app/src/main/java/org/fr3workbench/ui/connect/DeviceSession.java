package org.fr3workbench.ui.connect;

import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.domain.DeviceIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connected device of the window. The connect dialog puts its channel here; the terminal pane and (later)
 * the step runner take it from here. Observable state lives on the FX thread; the channel's own methods block and
 * run on workers. At most one channel at a time: a new connection, {@link #disconnect()} or another assessment file
 * closes the previous channel (on a worker).
 *
 * <pre>
 * DeviceChannel channel = deviceSession.channelProperty().get(); // null when not connected
 * deviceSession.channelProperty().addListener((obs, old, now) -> ...);
 * </pre>
 */
public final class DeviceSession {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);

    private final Executor closer;
    private final ReadOnlyObjectWrapper<DeviceChannel> channel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DeviceIdentity> identity = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding connected = channel.isNotNull();

    /**
     * @param closer     where channels are closed (closing an SSH session may block)
     * @param assessment the open assessment file: when it changes the device is disconnected (its pins and evidence
     *                   belong to the previous file)
     */
    public DeviceSession(Executor closer, ObservableValue<?> assessment) {
        this.closer = closer;
        assessment.addListener((obs, old, now) -> disconnect());
    }

    /** The connected channel, {@code null} when none. */
    public ReadOnlyObjectProperty<DeviceChannel> channelProperty() {
        return channel.getReadOnlyProperty();
    }

    /** The identity read when the channel connected, {@code null} when none. */
    public ReadOnlyObjectProperty<DeviceIdentity> identityProperty() {
        return identity.getReadOnlyProperty();
    }

    public BooleanBinding connectedProperty() {
        return connected;
    }

    /** Makes {@code now} the current channel (FX thread); the previous one is closed. */
    public void connected(DeviceChannel now, DeviceIdentity who) {
        DeviceChannel previous = channel.get();
        identity.set(who);
        channel.set(now);
        close(previous);
    }

    /** Closes the current channel, if any (FX thread). */
    public void disconnect() {
        DeviceChannel previous = channel.get();
        channel.set(null);
        identity.set(null);
        close(previous);
    }

    private void close(DeviceChannel previous) {
        if (previous != null) {
            closer.execute(() -> {
                try {
                    previous.close();
                } catch (RuntimeException e) {
                    LOG.warn("Closing {} failed", previous.description(), e);
                }
            });
        }
    }
}
