package org.fr3workbench.probe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;

/** Reads the probes' policy files (YAML under {@code assets/policy/}) strictly: unknown fields are errors that name file and line. */
public final class PolicyFiles {

    private PolicyFiles() {
    }

    /**
     * @param in     the YAML
     * @param source the file name for error messages
     * @param type   the record to read into
     * @throws IllegalArgumentException naming the file, the problem and the line
     */
    public static <T> T read(InputStream in, String source, Class<T> type) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return mapper.readValue(in, type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(source + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
    }

    /** Reads a policy file bundled in the application jar. */
    public static <T> T readBundled(String resource, Class<T> type) {
        try (InputStream in = PolicyFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled policy file " + resource + " is missing from the build");
            }
            return read(in, resource, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
