package org.fr3workbench.device;

import java.io.IOException;
import java.util.List;
import org.fr3workbench.domain.DeviceIdentity;

/**
 * The identity read on connect and the command results it came from (evidence for the assessment file).
 * Close it once the results are stored.
 *
 * @param identity the parsed identity
 * @param results  one result per command run, in order
 */
public record IdentityCapture(DeviceIdentity identity, List<CommandResult> results) implements AutoCloseable {

    public IdentityCapture {
        results = List.copyOf(results);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (CommandResult result : results) {
            try {
                result.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
