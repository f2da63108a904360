package dev.userevents.cli;

import dev.userevents.Counters;
import dev.userevents.Level;
import dev.userevents.LoggerEvents;
import dev.userevents.Mode;
import dev.userevents.UserEvents;
import dev.userevents.UserEventsConfig;
import dev.userevents.spi.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The doctor's last check, through the library itself as an application uses it: register the logger
 * {@value #LOGGER}, enable its INFO event in a private ftrace instance (where this user may: the global buffer and
 * other tools' settings are left alone), write one event, find it in the instance's trace, remove the instance and
 * unregister.
 */
final class RoundTrip {
    static final String LOGGER = "userevents.doctor";

    private final HostView host;
    private Findings found;

    RoundTrip(HostView host) {
        this.host = host;
    }

    DoctorCheck check(Findings found) {
        this.found = found;
        if (!found.dataFileOpens) {
            return DoctorCheck.skip(
                    "round_trip", "not tried: " + host.show(found.dataFile) + " does not open (see data_file)");
        }
        List<String> diagnostics = new ArrayList<>();
        Consumer<String> previous = Diagnostics.setSink(diagnostics::add); // the library's lines go into this report
        UserEvents core = null;
        try {
            core = UserEvents.open(UserEventsConfig.builder()
                    .dataFile(found.dataFile)
                    .mode(Mode.SYNC)
                    .shutdownHook(false)
                    .build());
            if (!core.isAvailable()) {
                return DoctorCheck.fail(
                        "round_trip",
                        "the library cannot use " + host.show(found.dataFile) + ": " + core.unavailableReason(),
                        "see the reason; run 'bin/userevents doctor' (it puts JNA on the class path for JDK 17-21)");
            }
            LoggerEvents events = core.logger(LOGGER);
            String event = events.eventName(Level.INFO);
            if (!events.isRegistered()) {
                return DoctorCheck.fail(
                        "round_trip",
                        "the kernel refused to register " + event + ": " + String.join("; ", diagnostics),
                        "see the reason (event_limit above for EMFILE)");
            }
            DoctorCheck enabled = enableWriteReadBack(core, events, event);
            core.close(1000);
            core = null;
            List<String> unregisterFailures = diagnostics.stream()
                    .filter(line -> line.contains("DIAG_IOCSUNREG"))
                    .toList();
            if (!unregisterFailures.isEmpty()) {
                return DoctorCheck.fail(
                        "round_trip",
                        enabled.detail() + "; unregistering failed: " + unregisterFailures,
                        "report this");
            }
            return new DoctorCheck("round_trip", enabled.verdict(), enabled.detail() + ", unregistered", enabled.fix());
        } catch (RuntimeException | LinkageError e) {
            return DoctorCheck.fail("round_trip", "the library failed: " + e, "report this");
        } finally {
            if (core != null) {
                core.close(1000);
            }
            Diagnostics.setSink(previous);
        }
    }

    private DoctorCheck enableWriteReadBack(UserEvents core, LoggerEvents events, String event) {
        String registered = "registered " + event;
        if (found.tracefs == null) {
            return DoctorCheck.ok("round_trip", registered + "; not enabled: no tracefs here (capture on the host)");
        }
        Path instance = found.tracefs
                .resolve("instances")
                .resolve("userevents-doctor-" + ProcessHandle.current().pid());
        try {
            Files.createDirectory(instance);
        } catch (IOException | RuntimeException e) {
            return DoctorCheck.ok(
                    "round_trip",
                    registered + "; not enabled: " + host.who() + " cannot create an ftrace " + "instance ("
                            + TracefsChecks.reason(e)
                            + "), so nothing was written (logging works; an operator enables)");
        }
        try {
            Files.writeString(TracefsEvents.eventDirectory(instance, event).resolve("enable"), "1");
            if (!events.isTracepointEnabled(Level.INFO)) { // the kernel sets the bit before the enable write returns
                return DoctorCheck.fail(
                        "round_trip",
                        registered + " and enabled it, but the kernel did not set its bit "
                                + "in this process's enable word",
                        "report this (kernel " + host.release() + ")");
            }
            String message = "userevents doctor " + ProcessHandle.current().pid() + " " + System.nanoTime();
            Counters counters = core.counters();
            long writtenBefore = counters.written();
            core.emit(events, Level.INFO, message);
            if (counters.written() != writtenBefore + 1) {
                return DoctorCheck.fail(
                        "round_trip",
                        registered + " and enabled it, but writing failed (" + counters + ")",
                        "report this");
            }
            String trace = Files.readString(instance.resolve("trace"), StandardCharsets.UTF_8);
            if (!trace.contains("msg=" + message)) {
                return DoctorCheck.fail(
                        "round_trip",
                        registered + ", enabled, wrote one event, but it is not in the trace " + "of instance "
                                + instance.getFileName(),
                        "report this (kernel " + host.release() + ")");
            }
            return DoctorCheck.ok(
                    "round_trip",
                    registered + ", enabled it in ftrace instance " + instance.getFileName()
                            + ", wrote one event and read it back from its trace");
        } catch (IOException | RuntimeException e) {
            return DoctorCheck.fail(
                    "round_trip",
                    registered + "; enabling or reading it in " + host.show(instance) + " failed: "
                            + TracefsChecks.reason(e),
                    "report this");
        } finally {
            try {
                Files.deleteIfExists(instance); // rmdir: removing the instance disables what it enabled
            } catch (IOException | RuntimeException e) {
                System.err.println(
                        "userevents doctor: could not remove " + host.show(instance) + ": " + e + "; rmdir it as root");
            }
        }
    }
}
