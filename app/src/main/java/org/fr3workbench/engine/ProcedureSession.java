package org.fr3workbench.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.ProcedureParameter;

/**
 * The parameter values of one assessment: the library's defaults, overridden by the values the assessor set (stored
 * in the assessment file) and by one-off overrides ({@code fr3 run --param}), plus the built-in connection
 * parameters and fresh marker values. Builds the {@link StepContext} of each requirement run.
 */
public final class ProcedureSession {

    /** Built-in parameters filled from the connection. */
    public static final String DEVICE_HOST = "device-host";
    public static final String DEVICE_PORT = "device-port";

    private final ProcedureLibrary library;
    private final Map<String, String> values;
    private final RandomGenerator random;

    /**
     * @param assessorValues the values stored in the assessment file and any one-off overrides (later wins)
     * @param random         source of marker values (a {@link java.security.SecureRandom} in the application)
     */
    public ProcedureSession(ProcedureLibrary library, Map<String, String> assessorValues, RandomGenerator random) {
        this.library = Objects.requireNonNull(library, "library");
        this.values = new LinkedHashMap<>(library.defaults());
        this.values.putAll(assessorValues);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Whether a parameter of this name exists (declared in the library or built in). */
    public boolean knows(String name) {
        return library.parameters().containsKey(name) || DEVICE_HOST.equals(name) || DEVICE_PORT.equals(name);
    }

    /** A fresh marker: {@code fr3-marker-} and 16 random hex digits; unique, never a real secret. */
    public static String marker(RandomGenerator random) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "fr3-marker-" + HexFormat.of().formatHex(bytes);
    }

    /**
     * The values for one requirement run: defaults, assessor values, device host and port from the target address
     * ({@code ssh://user@host:port}), and a fresh value for every marker parameter.
     */
    public Map<String, String> parameters(Optional<String> targetAddress) {
        Map<String, String> result = new LinkedHashMap<>(values);
        targetAddress.flatMap(ProcedureSession::hostAndPort).ifPresent(hostPort -> {
            result.put(DEVICE_HOST, hostPort.getKey());
            result.put(DEVICE_PORT, hostPort.getValue());
        });
        for (ProcedureParameter parameter : library.parameters().values()) {
            if (parameter.kind() == ProcedureParameter.Kind.MARKER) {
                result.put(parameter.id(), marker(random));
            }
        }
        return result;
    }

    /** The context of one requirement run. */
    public StepContext context(String requirementId, Optional<DeviceChannel> device, DeviceChannel laptop,
                               Optional<String> targetAddress, String actor, IntrusiveConsent consent) {
        return new StepContext(requirementId, device, laptop, parameters(targetAddress), actor, consent);
    }

    private static Optional<Map.Entry<String, String>> hostAndPort(String address) {
        try {
            URI uri = new URI(address);
            if (!"ssh".equals(uri.getScheme()) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(Map.entry(uri.getHost(), Integer.toString(uri.getPort() < 0 ? 22 : uri.getPort())));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
