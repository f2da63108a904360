"""perf/results/startup-jdk*.txt (perf/startup-probe.sh, one VM boot each) -> the README's "Start-up, test VM" part.
   python3 perf/startup-report.py perf/results > perf/results/startup.md   (perf/report.py appends that file)"""
import glob
import os
import re
import statistics
import sys


def load(path):
    runs, reg, jdk = {"A": [], "B": []}, {}, "?"
    for line in open(path):
        f = line.split()
        if line.startswith("startup-probe: openjdk version") or line.startswith("startup-probe: java version"):
            jdk = "JDK " + re.search(r'version "(\d+)', line).group(1)
        elif f and f[0] == "app":
            kv = dict(zip(f[1::2], f[2::2]))
            runs[kv["config"]].append({k: float(v) for k, v in kv.items() if k not in ("config", "run")})
        elif f and f[0] == "startup":
            reg.setdefault(f[3], []).append(float(f[4]))
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
            "| JDK | measure | A: with the module | B: without | A / B | A - B (s) |", "|---|---|---|---|---|---|"]
    for jdk, runs, _ in boots:
        for key, label in (("wall_s", "launch to \"Started OrdersApplication\" (s)"),
                           ("started_s", "Boot's \"Started ... in\" (s)"),
                           ("process_s", "Boot's \"process running for\" (s)"),
                           ("events_at_started", "user_events registered at that line")):
            a, b = median(runs["A"], key), median(runs["B"], key)
            out.append("| %s | %s | %s | %s | %s | %s |" % (
                jdk, label, "%.0f" % a if key.startswith("events") else "%.1f" % a,
                "%.0f" % b if key.startswith("events") else "%.1f" % b,
                "%.2f" % (a / b) if b else "", "%.1f" % (a - b) if not key.startswith("events") else ""))
    out += ["", "1 000 loggers (6 000 events) registered in a fresh JVM, `UserEvents.open` and the cold JIT included "
            "(`RegistrationProbe startup`), beside the C loop's 1 000 (`ue-bench register`, no open), same boot, "
            "median of its two rounds (before and after the app runs):", "",
            "| JDK | C loop (s) | Java, one `logger()` call each (s) | Java, one `loggers()` batch (s) | each / C | batch / C | "
            "A's events at the \"each\" rate (s, share of A - B) |", "|---|---|---|---|---|---|---|"]
    for jdk, runs, reg in boots:
        if not all(k in reg for k in ("c_register_us_per_logger", "java_startup_each_1000_loggers_ms",
                                      "java_startup_batch_1000_loggers_ms")):
            continue
        c = statistics.median(reg["c_register_us_per_logger"]) * 1000 / 1e6
        each = statistics.median(reg["java_startup_each_1000_loggers_ms"]) / 1e3
        batch = statistics.median(reg["java_startup_batch_1000_loggers_ms"]) / 1e3
        events = median(runs["A"], "events_at_started")
        cost = events * each / 6000
        diff = median(runs["A"], "wall_s") - median(runs["B"], "wall_s")
        out.append("| %s | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f (%s) |" % (
            jdk, c, each, batch, each / c, batch / c, cost, "%.0f%%" % (100 * cost / diff) if diff > 0 else "n/a"))
    out += ["", "Re-run (after perf/run.sh's build and `mvn -o -f samples-spring-boot/pom.xml package -DskipTests`): "
            "`vm/run -- bash $PWD/perf/startup-probe.sh JAVA_HOME 3 > perf/results/startup-jdkN.txt`, then "
            "`python3 perf/startup-report.py perf/results > perf/results/startup.md`."]
print("\n".join(out))
