package dev.userevents.cli;

import dev.userevents.kernel.KernelConfig;
import dev.userevents.kernel.KernelRelease;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The doctor's kernel checks: version, whether user_events is built in, and lockdown. */
final class KernelChecks {
    /** How to get a kernel with user_events, for every check that finds none. */
    static final String KERNEL_FIX =
            "boot a 6.4+ kernel built with CONFIG_USER_EVENTS=y: a distribution kernel that has it "
                    + "(README, 'Where it runs'), your own build with the project's vm/user-events.config options, or the "
                    + "project's test VM (vm/run)";
    /** A function of trace_events_user.c, listed in /proc/kallsyms (names are readable by every user). */
    private static final String USER_EVENTS_SYMBOL = " user_events_ioctl";

    private final HostView host;
    private final Findings found;

    KernelChecks(HostView host, Findings found) {
        this.host = host;
        this.found = found;
    }

    DoctorCheck version() {
        String arch = host.osArch;
        if (!host.osName.startsWith("Linux")
                || !(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
            return DoctorCheck.fail(
                    "kernel",
                    "this is " + host.osName + "/" + arch + "; user_events is Linux's, and this "
                            + "library supports x86-64 and arm64",
                    "run on 64-bit Linux (x86-64 or arm64)");
        }
        String release = host.release();
        if (KernelRelease.majorMinor(release) == null) {
            return DoctorCheck.warn(
                    "kernel",
                    "cannot read the kernel release ('" + release + "')",
                    "check 'uname -r': user_events needs Linux 6.4 or later");
        }
        if (KernelRelease.isTooOld(release)) {
            return DoctorCheck.fail(
                    "kernel",
                    "Linux " + release + " is older than 6.4, the first with the user_events "
                            + "interface this library uses",
                    KERNEL_FIX);
        }
        return DoctorCheck.ok("kernel", "Linux " + release + " (user_events needs 6.4 or later)");
    }

    /** From the kernel config where readable, else from the files in tracefs, else from /proc/kallsyms. */
    DoctorCheck builtIn() {
        String release = host.release();
        KernelConfig.Finding config = KernelConfig.userEvents(host.root, release);
        if (config != null) {
            found.builtIn = config.builtIn;
            String where = config.line + " in " + host.show(config.source);
            return config.builtIn
                    ? DoctorCheck.ok("user_events", "built in: " + where)
                    : DoctorCheck.fail("user_events", "not built into this kernel: " + where, KERNEL_FIX);
        }
        Path tracefs = found.tracefs;
        if (tracefs != null && Files.isExecutable(tracefs) && Files.exists(tracefs.resolve("trace"))) {
            found.builtIn = Files.exists(tracefs.resolve("user_events_data"));
            return found.builtIn
                    ? DoctorCheck.ok(
                            "user_events",
                            "built in: " + host.show(tracefs) + "/user_events_data exists (kernel config not readable)")
                    : DoctorCheck.fail(
                            "user_events",
                            "not built into this kernel: tracefs at " + host.show(tracefs)
                                    + " has no user_events_data (kernel config not readable)",
                            KERNEL_FIX);
        }
        Boolean symbol = kallsymsHasUserEvents();
        if (symbol != null) {
            found.builtIn = symbol;
            return symbol
                    ? DoctorCheck.ok(
                            "user_events",
                            "built in: user_events_ioctl is in /proc/kallsyms (kernel config and tracefs not readable here)")
                    : DoctorCheck.fail(
                            "user_events",
                            "not built into this kernel: no user_events_ioctl in /proc/kallsyms",
                            KERNEL_FIX);
        }
        return DoctorCheck.warn(
                "user_events",
                "cannot tell: no kernel config (/proc/config.gz, /boot/config-" + release
                        + "), no readable tracefs and no /proc/kallsyms",
                "run 'userevents doctor' as root, or check your " + "kernel's build config for CONFIG_USER_EVENTS=y");
    }

    /** Whether /proc/kallsyms names user_events' ioctl handler; null when it cannot be read. */
    private Boolean kallsymsHasUserEvents() {
        Path kallsyms = host.path("/proc/kallsyms");
        try (BufferedReader lines = Files.newBufferedReader(kallsyms, StandardCharsets.UTF_8)) {
            String line;
            boolean any = false;
            while ((line = lines.readLine()) != null) {
                any = true;
                if (line.endsWith(USER_EVENTS_SYMBOL)) {
                    return true;
                }
            }
            return any ? false : null; // empty: a kernel without CONFIG_KALLSYMS tells nothing
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Under lockdown=confidentiality the kernel refuses tracefs (LOCKDOWN_TRACEFS); integrity and none leave it alone. */
    DoctorCheck lockdown() {
        String text = host.read("/sys/kernel/security/lockdown");
        if (text == null) {
            return DoctorCheck.skip(
                    "lockdown",
                    "not reported (no /sys/kernel/security/lockdown: no lockdown LSM, or securityfs not mounted)");
        }
        int open = text.indexOf('[');
        int close = text.indexOf(']', open + 1);
        found.lockdown = open < 0 || close < 0 ? text.trim() : text.substring(open + 1, close);
        if (found.lockdown.equals("confidentiality")) {
            return DoctorCheck.fail(
                    "lockdown",
                    "lockdown=confidentiality: the kernel refuses tracefs (LOCKDOWN_TRACEFS): ftrace "
                            + "cannot enable or read events, and tracefs's files (user_events_data too) are not created when it "
                            + "was locked down at boot",
                    "boot with lockdown=integrity or none (the kernel "
                            + "command line, or the distribution's Secure Boot policy); integrity keeps tracefs usable");
        }
        return DoctorCheck.ok("lockdown", found.lockdown + " (tracefs is allowed; only confidentiality refuses it)");
    }
}
