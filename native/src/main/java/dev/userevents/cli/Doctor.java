package dev.userevents.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code userevents doctor [--json] [--data-file PATH]}: checks, in order, what logging through user_events needs
 * on this host and prints one line per check, with the fix under each that fails. Exit status 0 when this user can
 * log through user_events (warnings allowed: enabling and perf are an operator's), 1 when it cannot, 2 for a usage
 * error.
 */
final class Doctor {
    static final int CAN_LOG = 0;
    static final int CANNOT_LOG = 1;
    static final String USAGE = "usage: userevents doctor [--json] [--data-file PATH]";

    private final HostView host;
    /** The last check, through the kernel; tests of the others on fixture trees put a stand-in here. */
    private final Function<Findings, DoctorCheck> roundTrip;

    Doctor(HostView host, Function<Findings, DoctorCheck> roundTrip) {
        this.host = host;
        this.roundTrip = roundTrip;
    }

    /** Runs the doctor on this host with {@code args} (after "doctor"); returns the exit status. */
    static int run(List<String> args, PrintStream out) {
        boolean json = false;
        Path dataFile = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("--data-file")
                    && i + 1 < args.size()
                    && !args.get(i + 1).isBlank()) {
                dataFile = Paths.get(args.get(++i));
            } else {
                System.err.println("userevents doctor: "
                        + (arg.equals("--data-file") ? "--data-file needs a path" : "unexpected '" + arg + "'") + "\n"
                        + USAGE);
                return UserEventsCli.USAGE_ERROR;
            }
        }
        HostView host = HostView.system();
        return new Doctor(host, new RoundTrip(host)::check).report(dataFile, json, out);
    }

    int report(Path dataFile, boolean json, PrintStream out) {
        List<DoctorCheck> checks = checks(dataFile);
        if (json) {
            DoctorReport.json(checks, host, out);
        } else {
            DoctorReport.text(checks, host.who(), out);
        }
        return DoctorReport.canLog(checks) ? CAN_LOG : CANNOT_LOG;
    }

    /** The checks in the order a new host's problems show up (kernel, tracefs, access, limits, tools, a real event); later ones use what earlier ones found. */
    List<DoctorCheck> checks(Path dataFile) {
        Findings found = new Findings();
        KernelChecks kernel = new KernelChecks(host, found);
        TracefsChecks tracefs = new TracefsChecks(host, found);
        ContainerCheck container = new ContainerCheck(host, found);
        tracefs.locate(dataFile);
        container.detect();
        DoctorCheck lockdown = kernel.lockdown(); // printed later, but the data file's verdict may need it
        List<DoctorCheck> checks = new ArrayList<>();
        checks.add(kernel.version());
        checks.add(kernel.builtIn());
        checks.add(tracefs.mounted());
        checks.add(tracefs.dataFile());
        checks.add(tracefs.statusFile());
        checks.add(tracefs.enable());
        checks.add(tracefs.eventLimit());
        checks.add(new PerfCheck(host).check());
        checks.add(lockdown);
        checks.add(container.check());
        checks.add(roundTrip.apply(found));
        return checks;
    }
}
