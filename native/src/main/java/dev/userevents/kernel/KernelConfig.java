package dev.userevents.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * What the running kernel's build configuration says of {@code CONFIG_USER_EVENTS}, where one is readable:
 * {@code /proc/config.gz} (CONFIG_IKCONFIG_PROC: Arch, openSUSE), {@code /boot/config-RELEASE} (Debian, Ubuntu,
 * Fedora, RHEL and its rebuilds, SUSE), {@code /lib/modules/RELEASE/config} (Fedora, Arch's packages).
 */
public final class KernelConfig {
    public static final String OPTION = "CONFIG_USER_EVENTS";

    /** The config file read, and the option as it stands there. */
    public static final class Finding {
        /** The file the finding comes from (under the root it was read from). */
        public final Path source;

        public final boolean builtIn;
        /** The option's line, or a note that the file does not mention it (kernels before 5.18, or without ftrace). */
        public final String line;

        Finding(Path source, boolean builtIn, String line) {
            this.source = source;
            this.builtIn = builtIn;
            this.line = line;
        }
    }

    private KernelConfig() {}

    /** Where distributions keep the config of kernel {@code release}, under {@code root} ("/" for this machine). */
    public static List<Path> candidates(Path root, String release) {
        return List.of(
                root.resolve("proc/config.gz"),
                root.resolve("boot/config-" + release),
                root.resolve("lib/modules/" + release + "/config"));
    }

    /** The first readable config's verdict on {@code CONFIG_USER_EVENTS}, or null when none can be read. */
    public static Finding userEvents(Path root, String release) {
        for (Path candidate : candidates(root, release)) {
            try {
                return read(candidate);
            } catch (IOException | RuntimeException unreadable) {
                // missing, not readable by this user, or corrupt: try the next place
            }
        }
        return null;
    }

    static Finding read(Path config) throws IOException {
        try (InputStream raw = Files.newInputStream(config);
                InputStream in = config.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean sawAny = false;
            while ((line = lines.readLine()) != null) {
                sawAny |= line.startsWith("CONFIG_");
                if (line.startsWith(OPTION + "=")) {
                    return new Finding(config, line.equals(OPTION + "=y"), line);
                }
                if (line.equals("# " + OPTION + " is not set")) {
                    return new Finding(config, false, line);
                }
            }
            if (!sawAny) {
                throw new IOException(config + " is not a kernel config");
            }
            return new Finding(config, false, OPTION + " absent");
        }
    }
}
