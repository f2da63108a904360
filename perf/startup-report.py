"""perf/results/startup-jdk*.txt (perf/startup-probe.sh, one VM boot each) -> the README's "Start-up, test VM" part.
   python3 perf/startup-report.py perf/results > perf/results/startup.md   (perf/report.py appends that file)"""
import glob
import os
import re
import statistics
import sys


def load(path):
    runs, reg, jdk, marks = {"A": [], "B": []}, {}, "?", {}
    for line in open(path, newline="\n"):  # a CR from the guest's console is no line break
        line = line.replace("\r", "")
        f = line.split()
        if f and f[0] == "mark" and "host_cpu_s" in f:
            # perf/startup-vm.sh: the emulator's CPU seconds at the app's launch and at its "Started" line.
            marks[(f[3], f[5], f[1])] = float(f[f.index("host_cpu_s") + 1])
            continue
        if line.startswith("startup-probe: openjdk version") or line.startswith("startup-probe: java version"):
            jdk = "JDK " + re.search(r'version "(\d+)', line).group(1)
        elif f and f[0] == "app":
            kv = dict(zip(f[1::2], f[2::2]))
            runs[kv["config"]].append({k: float(v) for k, v in kv.items() if k not in ("config", "run")})
        elif f and f[0] == "startup":
            reg.setdefault(f[3], []).append(float(f[4]))
    for config, rows in runs.items():
        for i, row in enumerate(rows):
            launch, started = marks.get((str(i + 1), config, "launch")), marks.get((str(i + 1), config, "started"))
            if launch is not None and started is not None:
                row["cpu_s"] = started - launch
    return jdk, runs, reg


def median(rows, key):
    return statistics.median(r[key] for r in rows)


out = []
boots = [load(p) for p in sorted(glob.glob(os.path.join(sys.argv[1], "startup-jdk*.txt")),
                                 key=lambda p: int(re.search(r"jdk(\d+)", p).group(1)))]
boots = [b for b in boots if b[1]["A"] and b[1]["B"]]
if boots:
    out += ["### Start-up, test VM (TCG: seconds meaningless, ratios from one boot per JDK)", "",
            "`samples-spring-boot` (Boot 4.0.7, web, Logback) started %d times with the module (A: its `logback-spring.xml`, "
            "the turbo filter and the appender with `preregister`) and %d times without it (B: the same console "
            "configuration with no userevents element, `--logging.config=perf/startup-plain-logback.xml`; the jars "
            "stay on the class path), interleaved A B A B in one boot, both with `-XX:TieredStopAtLevel=1`; each run "
            "waits until the kernel has deleted the previous run's events. Medians:"
            % (len(boots[0][1]["A"]), len(boots[0][1]["B"])), "",
            "| JDK | measure | A: with the module | B: without | A / B | A - B (s) | A / B per pair (run i's A over its B) |",
            "|---|---|---|---|---|---|---|"]
    for jdk, runs, _ in boots:
        for key, label in (("cpu_s", "the emulator's CPU time, launch to \"Started\" (host s)"),
                           ("wall_s", "launch to \"Started OrdersApplication\" (s)"),
                           ("started_s", "Boot's \"Started ... in\" (s)"),
                           ("process_s", "Boot's \"process running for\" (s)"),
                           ("events_at_started", "user_events registered at that line")):
            ra_, rb_ = [r for r in runs["A"] if key in r], [r for r in runs["B"] if key in r]
            if not ra_ or not rb_:
                continue
            a, b = median(ra_, key), median(rb_, key)
            events = key.startswith("events")
            # The emulator's pace follows the host's load: neighbouring runs share it, so each pair's ratio too.
            pairs = [] if events else sorted(
                x[key] / y[key] for x, y in zip(runs["A"], runs["B"]) if key in x and key in y)
            partial = len(ra_) < len(runs["A"]) or len(rb_) < len(runs["B"])
            out.append("| %s | %s%s | %s | %s | %s | %s | %s |" % (
                jdk, label, " (%d A, %d B runs read)" % (len(ra_), len(rb_)) if partial else "",
                "%.0f" % a if events else "%.1f" % a, "%.0f" % b if events else "%.1f" % b,
                "%.2f" % (a / b) if b else "", "" if events else "%.1f" % (a - b),
                "median %.2f (%s)" % (statistics.median(pairs), ", ".join("%.2f" % p for p in pairs))
                if pairs and not events else ""))
    out += ["", "1 000 loggers (6 000 events) registered in a fresh JVM, `UserEvents.open` and the cold JIT included "
            "(`RegistrationProbe startup`), beside the C loop's 1 000 (`ue-bench register`, no open), same boot, one "
            "round before the app runs and one after; ratios to the C loop of the same round (the seconds follow the "
            "host's load):", "",
            "| JDK | round | C loop (s) | Java, one `logger()` call each (s) | Java, one `loggers()` batch (s) | each / C | batch / C |",
            "|---|---|---|---|---|---|---|"]
    for jdk, runs, reg in boots:
        keys = ("c_register_us_per_logger", "java_startup_each_1000_loggers_ms", "java_startup_batch_1000_loggers_ms")
        for rnd, (c_us, each_ms, batch_ms) in enumerate(zip(*(reg.get(k, []) for k in keys))):
            c = c_us * 1000 / 1e6
            out.append("| %s | %d | %.2f | %.2f | %.2f | %.1f | %.1f |"
                       % (jdk, rnd + 1, c, each_ms / 1e3, batch_ms / 1e3, each_ms / 1e3 / c, batch_ms / 1e3 / c))
    out += ["", "What registration alone would cost A (its events at this boot's \"each\" rate, median of the two "
            "rounds; the app registers logger by logger as Logback makes them, and its own package in one batch):", ""]
    for jdk, runs, reg in boots:
        if "java_startup_each_1000_loggers_ms" in reg:
            events = median(runs["A"], "events_at_started")
            cost = events * statistics.median(reg["java_startup_each_1000_loggers_ms"]) / 6000 / 1e3
            diff = median(runs["A"], "wall_s") - median(runs["B"], "wall_s")
            out.append("- %s: %d events x %.2f ms = %.1f s, against A - B = %.1f s (%s) of A's %.1f s wall" % (
                jdk, events, statistics.median(reg["java_startup_each_1000_loggers_ms"]) / 6000, cost, diff,
                "%.0f%% of it" % (100 * cost / diff) if diff > 0 else "within the runs' noise",
                median(runs["A"], "wall_s")))
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "startup-jdk*.txt"))):
        loads = [float(l.split()[l.split().index("host_load") + 1]) for l in open(path) if " host_load " in l]
        if loads:
            out.append("- %s: the host's load at the marks %.1f-%.1f" % (os.path.basename(path), min(loads), max(loads)))
    out += ["", "The emulator runs the guest on one host CPU: while other work loads the 2-core machine (`host_load` "
            "beside each mark in the raw files) adjacent runs of the same configuration differ by up to 2x in seconds "
            "and by up to 1.6x in the emulator's CPU time, so only a pair ratio that repeats across pairs means "
            "something; raw runs: `perf/results/startup-jdk*.txt`."]
    out += ["", "Re-run, per JDK (after perf/run.sh's build and `mvn -o -f samples-spring-boot/pom.xml package -DskipTests`): "
            "`perf/startup-vm.sh JAVA_HOME 3 > perf/results/startup-jdkN.txt` (one boot, about 15 minutes), then "
            "`python3 perf/startup-report.py perf/results > perf/results/startup.md`."]
print("\n".join(out))
