package org.fr3workbench.device;

import java.time.Duration;

/** Progress of {@link DeviceChannel#reconnect}: one call per failed attempt. */
@FunctionalInterface
public interface ReconnectListener {

    /** Ignores progress. */
    ReconnectListener NONE = (attempt, elapsed, lastError) -> { };

    /**
     * @param attempt   number of the attempt that just failed, from 1
     * @param elapsed   time since reconnecting began
     * @param lastError why it failed, e.g. {@code Connection refused}
     */
    void attemptFailed(int attempt, Duration elapsed, String lastError);
}
