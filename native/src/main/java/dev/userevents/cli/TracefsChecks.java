package dev.userevents.cli;

import dev.userevents.kernel.DataFileLocator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/** The doctor's tracefs checks: the mount, the two user_events files, enabling, and the event limit. */
final class TracefsChecks {
    static final String DEFAULT_TRACEFS = "/sys/kernel/tracing";
    private static final String MOUNT_FIX = "mount it as root: mount -t tracefs nodev /sys/kernel/tracing (at boot: "
            + "'tracefs /sys/kernel/tracing tracefs defaults 0 0' in /etc/fstab)";

    private final HostView host;
    private final Findings found;
    /** Events that exist (Active: of user_events_status), or -1 when it could not be read. */
    private long eventCount = -1;

    TracefsChecks(HostView host, Findings found) {
        this.host = host;
        this.found = found;
    }

    /** Sets {@link Findings#tracefs} and {@link Findings#dataFile}; {@code dataFileOverride} is --data-file. */
    void locate(Path dataFileOverride) {
        String forced = host.env.get("USEREVENTS_TRACEFS");
        if (forced != null && !forced.isBlank()) {
            found.tracefs = host.path(forced.trim());
        } else {
            List<Path> mounts = host.tracingMounts();
            found.tracefs = mounts.stream()
                    .filter(m -> Files.exists(m.resolve("user_events_data")))
                    .findFirst()
                    .orElse(mounts.isEmpty() ? null : mounts.get(0));
        }
        Path named = dataFileOverride != null ? dataFileOverride : DataFileLocator.fromEnvironment(host.env);
        found.dataFile = named != null
                ? host.path(named.toAbsolutePath())
                : (found.tracefs != null ? found.tracefs : host.path(DEFAULT_TRACEFS)).resolve("user_events_data");
    }

    DoctorCheck mounted() {
        List<Path> mounts = host.tracingMounts();
        String forced = host.env.get("USEREVENTS_TRACEFS");
        if (forced != null && !forced.isBlank() && !Files.isDirectory(found.tracefs)) {
            Path missing = found.tracefs;
            found.tracefs = null; // nothing below can use it
            return DoctorCheck.fail(
                    "tracefs",
                    "USEREVENTS_TRACEFS=" + forced + ": " + host.show(missing) + " is not a directory",
                    "unset USEREVENTS_TRACEFS, or point it at tracefs (mount -t tracefs nodev DIR)");
        }
        if (found.tracefs != null) {
            String others = mounts.stream()
                    .filter(m -> !m.equals(found.tracefs))
                    .map(host::show)
                    .collect(Collectors.joining(", "));
            return DoctorCheck.ok(
                    "tracefs",
                    "at " + host.show(found.tracefs) + (others.isEmpty() ? "" : " (also at " + others + ")")
                            + (host.env.containsKey("USEREVENTS_TRACEFS") ? " (USEREVENTS_TRACEFS)" : ""));
        }
        if (Files.exists(found.dataFile)) {
            return DoctorCheck.warn(
                    "tracefs",
                    "not mounted here, but " + host.show(found.dataFile) + " is (a bind mount): "
                            + "logging works; enabling and capture happen where tracefs is, on the host",
                    "run 'userevents tail' or perf on the host; mount tracefs here only to capture from inside");
        }
        return DoctorCheck.fail("tracefs", "not mounted (no tracefs or debugfs in /proc/mounts)", MOUNT_FIX);
    }

    /** Opens the data file read-write, as the library does (an fd that registers and writes nothing is harmless). */
    DoctorCheck dataFile() {
        Path data = found.dataFile;
        String shown = host.show(data);
        try (FileChannel channel = FileChannel.open(data, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            found.dataFileOpens = true;
            return DoctorCheck.ok("data_file", shown + " opens read-write for " + host.who());
        } catch (NoSuchFileException e) {
            return DoctorCheck.fail("data_file", shown + " does not exist" + whyMissing(), fixMissing());
        } catch (AccessDeniedException e) {
            // A file mounted into a container under /sys: the default AppArmor profile refuses it even to root.
            boolean mountedUnderSys = found.container != null && found.tracefs == null && shown.startsWith("/sys/");
            return DoctorCheck.fail(
                    "data_file",
                    shown + ": permission denied (EACCES) for " + host.who(),
                    mountedUnderSys
                            ? "in a container: " + ContainerCheck.BIND_MOUNT_FIX + "; on the host: " + groupFix()
                            : groupFix());
        } catch (FileSystemException e) {
            return DoctorCheck.fail("data_file", shown + ": " + e.getReason() + " for " + host.who(), groupFix());
        } catch (IOException | RuntimeException e) {
            return DoctorCheck.fail("data_file", shown + ": " + e, groupFix());
        }
    }

    private String whyMissing() {
        if (Boolean.FALSE.equals(found.builtIn)) {
            return ": this kernel lacks user_events (see user_events)";
        }
        if ("confidentiality".equals(found.lockdown)) {
            return ": lockdown=confidentiality keeps tracefs's files from being created";
        }
        return found.tracefs == null ? ": tracefs is not mounted" : "";
    }

    private String fixMissing() {
        if (Boolean.FALSE.equals(found.builtIn)) {
            return "a kernel with user_events first (see user_events)";
        }
        if (found.container != null) {
            return ContainerCheck.BIND_MOUNT_FIX;
        }
        return found.tracefs == null
                ? MOUNT_FIX
                : "check the kernel (user_events line above); set userevents.dataFile if "
                        + "the file is elsewhere (a bind mount)";
    }

    private String groupFix() {
        String dir = host.show(found.tracefs != null ? found.tracefs : found.dataFile.getParent());
        String data = host.show(found.dataFile);
        return "run as root, or give this user a group with access, as root: groupadd -f tracing; usermod -aG tracing "
                + host.userName + "; "
                + "chgrp tracing " + dir + " " + data + " " + dir + "/user_events_status; chmod g+x " + dir
                + "; chmod g+rw "
                + data + "; chmod g+r " + dir + "/user_events_status (README, 'Non-root use')";
    }

    /** Not needed to log; needed by 'userevents list/enable/tail' and for the event count below. */
    DoctorCheck statusFile() {
        if (found.tracefs == null) {
            return DoctorCheck.skip("status_file", "no tracefs here");
        }
        Path status = found.tracefs.resolve("user_events_status");
        try {
            List<String> lines = Files.readAllLines(status);
            eventCount = activeEvents(lines);
            return DoctorCheck.ok("status_file", host.show(status) + " readable: " + eventCount + " events registered");
        } catch (NoSuchFileException e) {
            return DoctorCheck.skip("status_file", host.show(status) + " does not exist (no user_events, see above)");
        } catch (IOException | RuntimeException e) {
            return DoctorCheck.warn(
                    "status_file",
                    host.show(status) + ": " + reason(e) + " for " + host.who()
                            + ": logging works, but 'userevents list/enable/tail' cannot see the events",
                    "chgrp tracing " + host.show(status) + "; chmod g+r " + host.show(status)
                            + " (README, 'Non-root use')");
        }
    }

    /** The {@code Active: N} line of user_events_status, else its event lines (one per event before the blank line). */
    static long activeEvents(List<String> status) {
        long lines = 0;
        for (String line : status) {
            if (line.startsWith("Active:")) {
                return Long.parseLong(line.substring("Active:".length()).trim());
            }
            lines += line.isEmpty() ? 0 : 1;
        }
        return lines;
    }

    /** ftrace: write access to the enable files; perf: root or CAP_PERFMON (see perf). Not needed to log. */
    DoctorCheck enable() {
        if (found.tracefs == null) {
            return DoctorCheck.skip("enable", "no tracefs here: enable events where tracefs is (the host)");
        }
        Path userEvents = found.tracefs.resolve("events/user_events/enable");
        Path enable = Files.exists(userEvents) ? userEvents : found.tracefs.resolve("events/enable");
        boolean perfmon = host.uid() == 0
                || host.hasCapability(HostView.CAP_PERFMON)
                || host.hasCapability(HostView.CAP_SYS_ADMIN);
        String caps = host.uid() == 0 ? "root" : perfmon ? "CAP_PERFMON" : "no CAP_PERFMON";
        if (Files.isWritable(enable)) {
            return DoctorCheck.ok(
                    "enable", "this user can enable events: " + host.show(enable) + " is writable (" + caps + ")");
        }
        return DoctorCheck.warn(
                "enable",
                "this user cannot enable events: " + host.show(enable) + " is not writable for " + host.who() + " ("
                        + caps + "); logging works, an operator enables",
                "enable as root (sudo userevents enable 'com.example.*' INFO), or give this user write access to "
                        + host.show(found.tracefs) + "/events/user_events/*/enable (ftrace) and CAP_PERFMON (perf)");
    }

    /** kernel.user_events_max against the events that exist: past it a new logger's registration is refused (EMFILE). */
    DoctorCheck eventLimit() {
        String text = host.read("/proc/sys/kernel/user_events_max");
        if (text == null) {
            return DoctorCheck.skip(
                    "event_limit", "no /proc/sys/kernel/user_events_max (no user_events, or an older kernel)");
        }
        long max;
        try {
            max = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return DoctorCheck.warn(
                    "event_limit",
                    "kernel.user_events_max reads '" + text.trim() + "'",
                    "sysctl kernel.user_events_max");
        }
        if (eventCount < 0) {
            return DoctorCheck.ok(
                    "event_limit",
                    "kernel.user_events_max=" + max + " (" + max / 6 + " loggers of 6 events); "
                            + "how many exist is not readable by this user");
        }
        String detail = "kernel.user_events_max=" + max + ", " + eventCount + " events exist (each logger takes 6)";
        String fix = "raise it as root: sysctl -w kernel.user_events_max=" + Math.max(2 * max, 32768)
                + ", or register fewer loggers";
        if (eventCount + 6 > max) {
            return DoctorCheck.fail("event_limit", detail + ": a new logger's registration is refused (EMFILE)", fix);
        }
        if (eventCount * 10 >= max * 9) {
            return DoctorCheck.warn("event_limit", detail + ": over 90% used", fix);
        }
        return DoctorCheck.ok("event_limit", detail);
    }

    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (EACCES)";
        }
        return e instanceof FileSystemException && ((FileSystemException) e).getReason() != null
                ? ((FileSystemException) e).getReason()
                : e.toString();
    }
}
