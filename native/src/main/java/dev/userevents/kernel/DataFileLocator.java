package dev.userevents.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Finds {@code user_events_data}: {@code /sys/kernel/tracing/user_events_data}, else a tracefs mount (or
 * debugfs {@code tracing/}) listed in {@code /proc/mounts}. When none exists, {@link #explainMissing()} says
 * what is missing and how to fix it.
 */
public final class DataFileLocator {
    public static final Path DEFAULT = Paths.get("/sys/kernel/tracing/user_events_data");
    private static final Path PROC_MOUNTS = Paths.get("/proc/mounts");
    private static final String FILE_NAME = "user_events_data";

    /**
     * Environment variable naming the data file where the library cannot find it: a container's bind mount outside
     * /sys (the default AppArmor profiles of Docker and containerd refuse writes under /sys). A front end's own
     * setting (userevents.dataFile, Logback's dataFile) comes first.
     */
    public static final String DATA_FILE_ENV = "USEREVENTS_DATA_FILE";

    private DataFileLocator() {}

    /** The data file {@value #DATA_FILE_ENV} names in {@code environment}, or null when it is unset or blank. */
    public static Path fromEnvironment(java.util.Map<String, String> environment) {
        String named = environment.get(DATA_FILE_ENV);
        return named == null || named.isBlank() ? null : Paths.get(named.trim());
    }

    /** The data file, or null when this machine has none visible. */
    public static Path locate() {
        if (Files.exists(DEFAULT)) {
            return DEFAULT;
        }
        Path defaultDir = DEFAULT.getParent();
        if (Files.isDirectory(defaultDir) && !Files.isExecutable(defaultDir)) {
            return DEFAULT; // tracefs is there but closed to this user: opening it reports EACCES and the fix
        }
        for (Path tracing : tracingDirsFromMounts()) {
            Path candidate = tracing.resolve(FILE_NAME);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** tracefs mount points, then debugfs ones with {@code /tracing} appended, in /proc/mounts order. */
    static List<Path> tracingDirsFromMounts() {
        List<String> lines;
        try {
            lines = Files.readAllLines(PROC_MOUNTS);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return parseMounts(lines);
    }

    /** tracefs mount points, then debugfs ones with {@code /tracing} appended, from lines of /proc/mounts. */
    public static List<Path> parseMounts(List<String> lines) {
        java.util.ArrayList<Path> tracefs = new java.util.ArrayList<>();
        java.util.ArrayList<Path> debugfs = new java.util.ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(" ");
            if (fields.length < 3) {
                continue;
            }
            String mountPoint = unescapeOctal(fields[1]);
            if ("tracefs".equals(fields[2])) {
                tracefs.add(Paths.get(mountPoint));
            } else if ("debugfs".equals(fields[2])) {
                debugfs.add(Paths.get(mountPoint, "tracing"));
            }
        }
        tracefs.addAll(debugfs);
        return tracefs;
    }

    /** /proc/mounts writes space, tab, newline and backslash as \040 \011 \012 \134. */
    public static String unescapeOctal(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    /** Why no data file was found, with the fix. */
    public static String explainMissing() {
        if (!UserEventsAbi.isSupportedPlatform()) {
            return "user_events needs 64-bit Linux (x86-64 or arm64); this is " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + ".";
        }
        String release = System.getProperty("os.version");
        if (KernelRelease.isTooOld(release)) {
            return "this kernel (" + release + ") is older than 6.4, the first with the user_events interface this "
                    + "library uses: run a 6.4+ kernel built with CONFIG_USER_EVENTS=y.";
        }
        KernelConfig.Finding config = KernelConfig.userEvents(Paths.get("/"), release);
        if (config != null && !config.builtIn) {
            return "this kernel (" + release + ") is built without user_events (" + config.line + " in " + config.source
                    + "): run a kernel built with CONFIG_USER_EVENTS=y.";
        }
        Path tracing = DEFAULT.getParent();
        if (Files.exists(tracing.resolve("trace")) || !tracingDirsFromMounts().isEmpty()) {
            return "tracefs is mounted but has no user_events_data: this kernel (" + System.getProperty("os.version")
                    + ") lacks CONFIG_USER_EVENTS=y (Linux 6.4 or later). In a container, bind-mount the host's "
                    + DEFAULT + ".";
        }
        return "tracefs is not mounted (no " + DEFAULT + " and no tracefs in /proc/mounts): run "
                + "'mount -t tracefs nodev /sys/kernel/tracing' as root, or in a container bind-mount the host's "
                + DEFAULT + ". The kernel also needs CONFIG_USER_EVENTS=y (Linux 6.4 or later).";
    }

    /** Why opening an existing data file failed, with the fix. */
    public static String explainOpenFailure(Path path, int errno) {
        if (errno == UserEventsAbi.EACCES || errno == UserEventsAbi.EPERM) {
            return "no permission to open " + path + " (" + UserEventsAbi.errnoName(errno) + "): run as root, or "
                    + "give this user a group with access, e.g. 'groupadd tracing; chgrp tracing "
                    + path.getParent() + " " + path + "; chmod g+x " + path.getParent() + "; chmod g+rw " + path
                    + "' and add the user to that group.";
        }
        return "cannot open " + path + ": " + UserEventsAbi.errnoName(errno) + ".";
    }
}
