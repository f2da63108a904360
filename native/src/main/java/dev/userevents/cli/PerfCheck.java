package dev.userevents.cli;

import java.nio.file.Path;

/**
 * perf on $PATH and {@code kernel.perf_event_paranoid}: recording tracepoints with their data needs root,
 * CAP_PERFMON, or paranoid -1 (the kernel's perf_allow_tracepoint). Neither logging nor {@code userevents tail}
 * needs perf, so this check only warns.
 */
final class PerfCheck {
    private static final String INSTALL =
            "install perf: apt install linux-perf (Debian), apt install linux-tools-$(uname -r) "
                    + "(Ubuntu), dnf install perf (Fedora, RHEL and rebuilds), pacman -S perf (Arch), zypper install perf (openSUSE)";

    private final HostView host;

    PerfCheck(HostView host) {
        this.host = host;
    }

    DoctorCheck check() {
        Path perf = host.onPath("perf");
        if (perf == null) {
            return DoctorCheck.warn(
                    "perf", "perf is not on PATH (not needed to log or for 'userevents tail')", INSTALL);
        }
        String version = host.version(perf);
        String found = host.show(perf) + (version == null ? "" : " (" + version + ")");
        if (version == null && host.mayRunPrograms) {
            return DoctorCheck.warn(
                    "perf",
                    host.show(perf) + " is there but '" + host.show(perf) + " --version' failed "
                            + "(Debian's and Ubuntu's perf needs the package for the running kernel)",
                    INSTALL);
        }
        String paranoidText = host.read("/proc/sys/kernel/perf_event_paranoid");
        Integer paranoid = null;
        try {
            paranoid = paranoidText == null ? null : Integer.valueOf(paranoidText.trim());
        } catch (NumberFormatException ignored) {
            // reported as unknown below
        }
        boolean privileged = host.uid() == 0
                || host.hasCapability(HostView.CAP_PERFMON)
                || host.hasCapability(HostView.CAP_SYS_ADMIN);
        String setting = "perf_event_paranoid=" + (paranoid == null ? "unknown" : paranoid);
        if (privileged || paranoid != null && paranoid <= -1) {
            return DoctorCheck.ok(
                    "perf",
                    found + ", " + setting
                            + (privileged ? " (" + (host.uid() == 0 ? "root" : "CAP_PERFMON") + ": no limit)" : ""));
        }
        return DoctorCheck.warn(
                "perf",
                found + ", " + setting + ": this user's 'perf record -e user_events:...' is refused",
                "run perf as root, give this user CAP_PERFMON, or (less safe) sysctl -w kernel.perf_event_paranoid=-1");
    }
}
