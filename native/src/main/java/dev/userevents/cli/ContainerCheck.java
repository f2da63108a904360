package dev.userevents.cli;

import dev.userevents.kernel.DataFileLocator;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Inside a container the host's user_events_data must be mounted in (the kernel is the host's; tracefs usually is
 * not mounted in a container). Detected from the usual markers, then /proc/self/mountinfo says whether the data
 * file is a mount of its own.
 */
final class ContainerCheck {
    /** Outside /sys in the container: the default AppArmor profiles of Docker and containerd refuse writes under /sys. */
    static final String BIND_MOUNT_FIX =
            "mount the host's file in, read-write, outside /sys (Docker's and containerd's "
                    + "default AppArmor profiles refuse writes under /sys): docker run -v /sys/kernel/tracing/user_events_data:"
                    + "/run/userevents/user_events_data -e USEREVENTS_DATA_FILE=/run/userevents/user_events_data ...; "
                    + "Kubernetes: a hostPath volume (path /sys/kernel/tracing/user_events_data, type File) mounted there, and "
                    + "the same variable (README, 'Containers and Kubernetes')";

    private final HostView host;
    private final Findings found;

    ContainerCheck(HostView host, Findings found) {
        this.host = host;
        this.found = found;
    }

    /** Sets {@link Findings#container} to the first marker found: env container=, /.dockerenv, /run/.containerenv, Kubernetes, cgroups. */
    void detect() {
        String runtime = host.env.get("container");
        if (runtime != null && !runtime.isBlank()) {
            found.container = "container=" + runtime;
        } else if (Files.exists(host.path("/.dockerenv"))) {
            found.container = "/.dockerenv";
        } else if (Files.exists(host.path("/run/.containerenv"))) {
            found.container = "/run/.containerenv";
        } else if (host.env.containsKey("KUBERNETES_SERVICE_HOST")) {
            found.container = "KUBERNETES_SERVICE_HOST";
        } else {
            for (String line : host.lines("/proc/1/cgroup")) {
                for (String runtimeName : new String[] {"docker", "kubepods", "containerd", "libpod", "lxc"}) {
                    if (line.contains(runtimeName)) {
                        found.container = "/proc/1/cgroup names " + runtimeName;
                        return;
                    }
                }
            }
        }
    }

    DoctorCheck check() {
        if (found.container == null) {
            return DoctorCheck.ok("container", "not in a container (no container marker found)");
        }
        String in = "in a container (" + found.container + "): ";
        String data = host.show(found.dataFile);
        String mounted = mountedHow(found.dataFile); // from mountinfo: readable when the file itself is not
        if (mounted != null) {
            return DoctorCheck.ok("container", in + data + " is " + mounted);
        }
        if (Files.exists(found.dataFile)) {
            return DoctorCheck.ok(
                    "container", in + data + " is there (not a mount of its own in /proc/self/mountinfo)");
        }
        if (!Files.notExists(found.dataFile)) { // neither exists nor not: this user may not look (see data_file)
            return DoctorCheck.skip("container", in + "whether " + data + " is there cannot be seen by " + host.who());
        }
        if (Boolean.FALSE.equals(found.builtIn)) {
            return DoctorCheck.fail(
                    "container",
                    in + data + " is not mounted in, and the kernel (the host's) lacks "
                            + "user_events, so mounting it would not help",
                    "a kernel with user_events on the host first (see user_events)");
        }
        return DoctorCheck.fail("container", in + data + " is not mounted in", BIND_MOUNT_FIX);
    }

    /** "bind-mounted (...)" or "inside tracefs mounted at X", from /proc/self/mountinfo; null when neither. */
    private String mountedHow(Path dataFile) {
        Path tracefsMount = null;
        for (String line : host.lines("/proc/self/mountinfo")) {
            String[] fields = line.split(" ");
            int dash = java.util.Arrays.asList(fields).indexOf("-");
            if (fields.length < 5 || dash < 0 || dash + 1 >= fields.length) {
                continue;
            }
            Path mountPoint = host.path(DataFileLocator.unescapeOctal(fields[4]));
            if (mountPoint.equals(dataFile)) {
                return "bind-mounted (a mount of its own, " + fields[dash + 1] + ")";
            }
            if (fields[dash + 1].equals("tracefs") && dataFile.startsWith(mountPoint)) {
                tracefsMount = mountPoint;
            }
        }
        return tracefsMount == null ? null : "there: tracefs is mounted in the container at " + host.show(tracefsMount);
    }
}
