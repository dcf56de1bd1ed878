package org.fr3workbench.probe.update;

import java.util.List;
import java.util.Objects;

/**
 * Where SWUpdate's files are on the device. {@link #DEVICE} is the standard layout; a test device
 * keeps them in a sandbox, and the probe then passes {@code -f} and {@code -H} as the device's own
 * start script would.
 *
 * @param configFile     swupdate.cfg (libconfig); read by swupdate itself when it is the default path
 * @param hwrevisionFile the hardware revision ("board revision")
 * @param argumentFiles  shell snippets that may add {@code -k KEY} to the daemon's arguments (files or directories)
 * @param versionsFile   the installed-versions file swupdate keeps
 * @param swupdate       the swupdate executable
 */
public record SwupdateLayout(String configFile, String hwrevisionFile, List<String> argumentFiles, String versionsFile,
                             String swupdate) {

    /** swupdate's built-in configuration path. */
    public static final String DEFAULT_CONFIG = "/etc/swupdate.cfg";
    /** swupdate's built-in hardware revision path. */
    public static final String DEFAULT_HWREVISION = "/etc/hwrevision";

    /** A standard device (Debian/isar-cip-core). */
    public static final SwupdateLayout DEVICE = new SwupdateLayout(DEFAULT_CONFIG, DEFAULT_HWREVISION,
            List.of("/etc/default/swupdate", "/etc/swupdate/conf.d", "/usr/lib/swupdate/conf.d"), "/etc/sw-versions", "swupdate");

    public SwupdateLayout {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(hwrevisionFile, "hwrevisionFile");
        argumentFiles = List.copyOf(argumentFiles);
        Objects.requireNonNull(versionsFile, "versionsFile");
        Objects.requireNonNull(swupdate, "swupdate");
    }

    /** Whether swupdate must be told the configuration file (it is not at the built-in path). */
    public boolean needsConfigOption() {
        return !configFile.equals(DEFAULT_CONFIG);
    }

    /** Whether swupdate must be told the hardware revision (its file is not at the built-in path). */
    public boolean needsHwrevisionOption() {
        return !hwrevisionFile.equals(DEFAULT_HWREVISION);
    }
}
