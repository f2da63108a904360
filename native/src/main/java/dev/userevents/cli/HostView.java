package dev.userevents.cli;

import dev.userevents.kernel.DataFileLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The host as {@code userevents doctor} reads it: absolute paths resolved under {@link #root} ("/" on a real
 * host, a directory tree of fixtures in tests), the environment, and this process's ids and capabilities from
 * {@code /proc/self/status}. Every read returns null or empty instead of throwing: a check reports what is missing.
 */
final class HostView {
    static final int CAP_SYS_ADMIN = 21;
    static final int CAP_PERFMON = 38;

    final Path root;
    final Map<String, String> env;
    final String osName;
    final String osArch;
    final String userName;
    /** Whether programs found (perf) may be run: only on the real host. */
    final boolean mayRunPrograms;

    HostView(
            Path root, Map<String, String> env, String osName, String osArch, String userName, boolean mayRunPrograms) {
        this.root = root;
        this.env = env;
        this.osName = osName;
        this.osArch = osArch;
        this.userName = userName;
        this.mayRunPrograms = mayRunPrograms;
    }

    static HostView system() {
        return new HostView(
                Paths.get("/"),
                System.getenv(),
                System.getProperty("os.name", ""),
                System.getProperty("os.arch", ""),
                System.getProperty("user.name", "?"),
                true);
    }

    /** {@code absolute} ("/proc/mounts") on this host. */
    Path path(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /** A path the host names (a mount point) as this view sees it. */
    Path path(Path absolute) {
        return path(absolute.toString());
    }

    /** The path as the host names it, for messages: {@code root}'s prefix removed. */
    String show(Path path) {
        return path.startsWith(root) ? "/" + root.relativize(path) : path.toString();
    }

    /**
     * The file's text, or null when it is missing or unreadable. Read in one go: Files.readString reads a file of
     * size 0 (procfs) one byte first, and a sysctl file reads as empty at any offset but 0 ("3" for "32768").
     */
    String read(String absolute) {
        try (java.io.InputStream in = Files.newInputStream(path(absolute))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    List<String> lines(String absolute) {
        String text = read(absolute);
        return text == null ? List.of() : List.of(text.split("\n"));
    }

    /** {@code uname -r}: /proc/sys/kernel/osrelease, else (on the real host) the JVM's os.version. */
    String release() {
        String release = read("/proc/sys/kernel/osrelease");
        if (release != null && !release.isBlank()) {
            return release.trim();
        }
        return mayRunPrograms ? System.getProperty("os.version", "") : "";
    }

    /** A field of /proc/self/status ("Uid", "CapEff"): its first value, or null. */
    private String status(String field) {
        for (String line : lines("/proc/self/status")) {
            if (line.startsWith(field + ":")) {
                String[] values = line.substring(field.length() + 1).trim().split("\\s+");
                return values.length == 0 ? null : values[field.equals("Uid") ? Math.min(1, values.length - 1) : 0];
            }
        }
        return null;
    }

    /** The effective uid (what file permissions are checked against), or -1 when unknown. */
    long uid() {
        try {
            String uid = status("Uid");
            return uid == null ? -1 : Long.parseLong(uid);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    boolean hasCapability(int capability) {
        try {
            String caps = status("CapEff");
            return caps != null && (Long.parseUnsignedLong(caps, 16) >>> capability & 1) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** "uid 0 (root)", for messages. */
    String who() {
        long uid = uid();
        return (uid < 0 ? "this user" : "uid " + uid) + " (" + userName + ")";
    }

    /** tracefs (then debugfs/tracing) mount points listed in /proc/mounts, as this view sees them. */
    List<Path> tracingMounts() {
        List<Path> mounts = new ArrayList<>();
        for (Path mountPoint : DataFileLocator.parseMounts(lines("/proc/mounts"))) {
            mounts.add(path(mountPoint));
        }
        return mounts;
    }

    /** The executable {@code name} on $PATH, or null. */
    Path onPath(String name) {
        String path = env.getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(":")) {
            if (dir.startsWith("/")) {
                Path candidate = path(dir).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** The first line {@code program --version} prints within 10 s, or null (not run in tests, failed, silent). */
    String version(Path program) {
        if (!mayRunPrograms) {
            return null;
        }
        try {
            Process process = new ProcessBuilder(program.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 && !out.isEmpty() ? out.split("\n")[0] : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
