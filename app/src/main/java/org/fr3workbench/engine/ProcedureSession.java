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
import org.fr3workbench.store.ParameterStore;

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

    /**
     * The session of an assessment: the library's defaults, the values stored in the file, and {@code newValues}
     * (e.g. {@code fr3 run --param}), which are checked first — all of them, before anything is stored — and then
     * stored in the file, so they persist for later runs and the GUI (docs/engine.md, "Parameters").
     *
     * @throws IllegalArgumentException for an unknown name, a marker or connection parameter (the engine fills those),
     *                                  a name that looks like a secret, a bad value, or a local-file value that is not a
     *                                  readable file on this machine; nothing was stored then
     */
    public static ProcedureSession open(ProcedureLibrary library, ParameterStore stored, Map<String, String> newValues,
                                        String actor, RandomGenerator random) {
        Map<String, String> checked = new LinkedHashMap<>();
        newValues.forEach((name, value) -> checked.put(name, checkedValue(library, name, value)));
        checked.forEach((name, value) -> stored.set(name, value, actor));
        return new ProcedureSession(library, stored.values(), random);
    }

    /**
     * Checks a value the assessor gives for a parameter and returns it as it will be stored (a local-file path made
     * absolute, so that it still names the same file when the workbench starts elsewhere).
     *
     * @throws IllegalArgumentException with a message naming the parameter and the problem
     */
    public static String checkedValue(ProcedureLibrary library, String name, String value) {
        ProcedureParameter parameter = library.parameters().get(name);
        if (parameter == null) {
            if (DEVICE_HOST.equals(name) || DEVICE_PORT.equals(name)) {
                throw new IllegalArgumentException("parameter '" + name + "' comes from the device connection ('fr3 connect')");
            }
            throw new IllegalArgumentException("unknown parameter '" + name + "': the procedures " + library.version()
                    + " declare " + String.join(", ", library.parameters().keySet()));
        }
        ParameterStore.requireName(name);
        return switch (parameter.kind()) {
            case MARKER -> throw new IllegalArgumentException("parameter '" + name
                    + "' is a marker: the engine makes a fresh one for every run");
            case CONNECTION -> throw new IllegalArgumentException("parameter '" + name + "' comes from the device connection");
            case LOCAL_FILE -> localFile(name, value);
            case TEXT -> value;
        };
    }

    private static String localFile(String name, String value) {
        java.nio.file.Path path;
        try {
            path = java.nio.file.Path.of(value).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("parameter '" + name + "': '" + value + "' is not a path: " + e.getMessage(), e);
        }
        if (!java.nio.file.Files.isRegularFile(path) || !java.nio.file.Files.isReadable(path)) {
            throw new IllegalArgumentException("parameter '" + name + "' names a file on this machine, but " + path
                    + " is not a readable file");
        }
        return path.toString();
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
