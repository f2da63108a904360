package dev.userevents;

import dev.userevents.kernel.DataFileLocator;
import dev.userevents.kernel.KernelDevice;
import dev.userevents.kernel.UserEventsAbi;
import dev.userevents.spi.EventDevice;
import java.nio.file.Path;

/**
 * Opening the kernel's {@code user_events_data} for {@link UserEvents#open(UserEventsConfig, String)}: where the file
 * is, and, when it cannot be used, why and what to run ({@code userevents doctor}). Never throws.
 */
final class KernelConnection {
    private KernelConnection() {}

    /** The device, or null and the reason it is unavailable. */
    record Opened(EventDevice device, String unavailableReason) {
        static Opened unavailable(String reason) {
            return new Opened(null, reason);
        }
    }

    /** Opens user_events_data (located, or {@link UserEventsConfig#dataFile()}). */
    static Opened open(UserEventsConfig config) {
        try {
            if (!UserEventsAbi.isSupportedPlatform()) {
                return Opened.unavailable(DataFileLocator.explainMissing());
            }
            Path path =
                    config.dataFile() != null ? config.dataFile() : DataFileLocator.fromEnvironment(System.getenv());
            path = path != null ? path : DataFileLocator.locate();
            if (path == null) {
                return Opened.unavailable(DataFileLocator.explainMissing());
            }
            KernelDevice.OpenResult opened = KernelDevice.open(path);
            if (opened.device == null) {
                return Opened.unavailable(DataFileLocator.explainOpenFailure(path, opened.errno));
            }
            return new Opened(opened.device, null);
        } catch (LinkageError | RuntimeException e) {
            // JDK 17-21: JNA could not load its native library (a noexec temp dir); JDK 22+: native access denied
            // (--illegal-native-access=deny without --enable-native-access). The app keeps running, untraced.
            return Opened.unavailable("cannot reach native code (JNA on JDK 17-21, FFM on 22+): " + e
                    + "; on JDK 17-21 set -Djna.tmpdir to an executable directory, on 22+ pass "
                    + "--enable-native-access=ALL-UNNAMED.");
        }
    }

    /** The one diagnostic of an unavailable instance: why, what the front end does instead, and the doctor. */
    static String unavailableMessage(String reason, String whileUnavailable) {
        return "user_events unavailable: " + reason + " " + whileUnavailable
                + " Check this host with 'userevents doctor' (" + doctorCommand() + ").";
    }

    /** The doctor's command line from the jars this JVM loaded the core (and JNA, which JDK 17-21 need) from. */
    static String doctorCommand() {
        String core = jarOf(UserEvents.class.getResource("UserEvents.class"));
        String jna = jarOf(
                UserEvents.class.getClassLoader() == null
                        ? null
                        : UserEvents.class
                                .getClassLoader()
                                .getResource("com/sun/jna/Native.class")); // found, not loaded
        return "java -cp " + (core == null ? "userevents-native.jar" : core) + java.io.File.pathSeparator
                + (jna == null ? "jna.jar" : jna) + " dev.userevents.cli.UserEventsCli doctor";
    }

    /** The local jar file a {@code jar:file:...!/...} resource URL points into, or null. */
    private static String jarOf(java.net.URL resource) {
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            return null;
        }
        String spec = resource.getPath(); // file:/path/x.jar!/dev/...
        int bang = spec.indexOf("!/");
        try {
            return bang < 0 || !spec.startsWith("file:")
                    ? null
                    : java.nio.file.Paths.get(new java.net.URI(spec.substring(0, bang)))
                            .toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
