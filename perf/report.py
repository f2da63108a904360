#!/usr/bin/env python3
"""Turns perf/results/* into report.md, chart.svg and the README's Performance section (no dependencies)."""
import json
import os
import re
import sys

out, readme = sys.argv[1], sys.argv[2]


def jmh(name, best_fork=False):
    """Rows of (score, error, B/op). best_fork: the mean of the fastest fork, its iterations' half-range as error
    (this VM's neighbours slow whole forks down, one-sidedly; the issue's own probe took the best of 3 JVMs)."""
    rows = {}
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return rows
    for entry in json.load(open(path)):
        bench = entry["benchmark"].rsplit(".", 1)[1]
        secondary = entry.get("secondaryMetrics", {})
        norm = secondary.get("gc.alloc.rate.norm") or secondary.get("\u00b7gc.alloc.rate.norm") or {}
        alloc = norm.get("score")
        score, error = entry["primaryMetric"]["score"], entry["primaryMetric"]["scoreError"]
        forks = entry["primaryMetric"].get("rawData") or []
        if best_fork and forks:
            best = min(forks, key=lambda fork: sum(fork) / len(fork))
            score, error = sum(best) / len(best), (max(best) - min(best)) / 2
        rows[bench] = (score, error, alloc)
    return rows


def interleaved(name):
    """HandoffBurstBenchmark.interleavedBursts: per iteration, (tracefs, EventHeader) ns per event in bursts timed
    in the same second."""
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return []
    pairs = []
    for entry in json.load(open(path)):
        if entry["benchmark"].endswith(".interleavedBursts"):
            raw = {k: entry["secondaryMetrics"][k]["rawData"] for k in ("tracefsNanos", "eventHeaderNanos", "burstEvents")}
            for t_fork, h_fork, n_fork in zip(raw["tracefsNanos"], raw["eventHeaderNanos"], raw["burstEvents"]):
                pairs += [(t / n, h / n) for t, h, n in zip(t_fork, h_fork, n_fork) if n]
    return pairs


# A tracefs burst above this many ns per event: the slow vCPU placement (about 50-80 ns in the fast one, 150-180 in
# the slow one on this host).
SLOW_PLACEMENT_NS = 110


def by_placement(pairs):
    """[(label, iterations, median tracefs ns, median EventHeader ns, median ratio)] for each placement seen."""
    def median(values):
        values = sorted(values)
        return values[len(values) // 2] if values else float("nan")
    rows = []
    for label, chosen in (("fast placement", [p for p in pairs if p[0] <= SLOW_PLACEMENT_NS]),
                          ("slow placement", [p for p in pairs if p[0] > SLOW_PLACEMENT_NS])):
        if chosen:
            rows.append((label, len(chosen), median(t for t, _ in chosen), median(h for _, h in chosen),
                         median(h / t for t, h in chosen)))
    return rows


def numbers(name, key):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return []
    return [float(m.group(1)) for m in re.finditer(key + r" ([0-9.]+)", open(path).read())]


machine = open(os.path.join(out, "machine.txt")).read().strip().splitlines()


def ns(rows, key):
    return rows[key][0] if key in rows else float("nan")


def load(d):
    """One JDK's results: JMH rows and the VM numbers."""
    return {
        "disabled": jmh(os.path.join(d, "disabled.json"), best_fork=True), "e1": jmh(os.path.join(d, "enabled-1t.json")),
        "e2": jmh(os.path.join(d, "enabled-2t.json")), "tput": jmh(os.path.join(d, "throughput.json")),
        "eh": jmh(os.path.join(d, "eventheader.json")), "burst": jmh(os.path.join(d, "burst.json")),
        "interleaved": by_placement(interleaved(os.path.join(d, "burst.json"))), "jul": jmh(os.path.join(d, "jul.json"), best_fork=True),
        "c_host": numbers(os.path.join(d, "c-host.txt"), "c_writev_events_per_s"),
        "c_vm": numbers(os.path.join(d, "kernel.txt"), "c_writev_events_per_s"),
        "java_vm": numbers(os.path.join(d, "kernel.txt"), "java_drain_events_per_s"),
        "java_sync_vm": numbers(os.path.join(d, "kernel.txt"), "java_sync_events_per_s"),
        # RegistrationProbe: each row's best (us per logger) and the median of its late rounds' ratios to C.
        "reg": {row: (float(best), float(ratio)) for row, best, ratio in re.findall(
            r"java_(\w+)_us_per_logger ([0-9.]+) median_ratio_to_c_late_rounds ([0-9.]+)",
            open(os.path.join(out, d, "kernel.txt")).read() if os.path.exists(os.path.join(out, d, "kernel.txt")) else "")},
        "rounds": re.findall(r"java_(drain|sync)_events_per_s .*? rounds (\[[^]]*\]) jit_ms_last_round (\d+)",
                             open(os.path.join(out, d, "kernel.txt")).read()
                             if os.path.exists(os.path.join(out, d, "kernel.txt")) else ""),
    }


jdks = [("JDK 17", load("."))]
if os.path.exists(os.path.join(out, "jdk25", "disabled.json")):
    jdks.append(("JDK 25", load("jdk25")))
disabled, e1, e2, tput = (jdks[0][1][k] for k in ("disabled", "e1", "e2", "tput"))
c_host, c_vm, java_vm = jdks[0][1]["c_host"], jdks[0][1]["c_vm"], jdks[0][1]["java_vm"]


def cell(rows, key, baseline=None):
    if key not in rows:
        return "n/a"
    score, error, alloc = rows[key]
    ratio = " (%.2fx)" % (score / baseline) if baseline else ""
    return "%.2f ± %.2f%s" % (score, error, ratio)


names = [name for name, _ in jdks]
lines = ["; ".join(machine), ""]
lines += ["### Disabled level (host, ns/op and x the volatile read of the same JVM; three JMH forks each, same run)", "",
          "Each cell is the mean of the fastest of the three forks (± half its iterations' range): on this cloud VM "
          "whole forks run 40-60% slower while a neighbour is busy, Logback's and ours alike (eight forks of each, "
          "one session: ours 0.82-0.84 ns in the quiet state, 1.22-1.36 ns in the busy one).", "",
          "| benchmark | " + " | ".join(names) + " | B/op |", "|---|" + "---|" * len(names) + "---|"]
for label, key in [("bare volatile int read (floor)", "volatileIntRead"),
                   ("SLF4J provider `isDebugEnabled()`", "slf4jUserEventsIsDebugEnabled"),
                   ("SLF4J provider with an EventHeader provider `isDebugEnabled()`", "slf4jUserEventsWithProviderIsDebugEnabled"),
                   ("Log4j2 `isDebugEnabled()`, UserEventsContextSelector's logger (its word and level)", "log4jUserEventsFilterIsDebugEnabled"),
                   ("Log4j2 `isDebugEnabled()` via UserEventsFilter, no selector", "log4jUserEventsFilterWithoutSelectorIsDebugEnabled"),
                   ("Log4j2 `isDebugEnabled()`, no selector, UserEventsFilter gate=\"levels\" in the appender (levels from a poller)", "log4jLevelsGateIsDebugEnabled"),
                   ("stock Log4j2 at INFO `isDebugEnabled()`", "log4jStockIsDebugEnabled"),
                   ("stock Log4j2 at INFO with a global ThresholdFilter that answers NEUTRAL `isDebugEnabled()`", "log4jNeutralFilterIsDebugEnabled"),
                   ("Logback at INFO `isDebugEnabled()`", "logbackIsDebugEnabled"),
                   ("Logback at INFO with a turbo filter that answers NEUTRAL `isDebugEnabled()`", "logbackNeutralTurboFilterIsDebugEnabled"),
                   ("Logback at INFO via UserEventsTurboFilter `isDebugEnabled()`", "logbackTurboFilterIsDebugEnabled"),
                   ("Logback at INFO with UserEventsLevelGate (no turbo filter) `isDebugEnabled()`", "logbackLevelGateIsDebugEnabled"),
                   ("SLF4J provider `debug(\"x {}\", a)`", "slf4jUserEventsDebug"),
                   ("Log4j2, UserEventsContextSelector's logger `debug(\"x {}\", a)`", "log4jUserEventsFilterDebug"),
                   ("stock Log4j2 at INFO `debug(\"x {}\", a)`", "log4jStockDebug"),
                   ("Logback at INFO `debug(\"x {}\", a)`", "logbackDebug"),
                   ("Logback via UserEventsTurboFilter `debug(\"x {}\", a)`", "logbackTurboFilterDebug")]:
    cells = [cell(r["disabled"], key, ns(r["disabled"], "volatileIntRead")) for _, r in jdks]
    alloc = disabled.get(key, (0, 0, None))[2]
    lines.append("| %s | %s | %s |" % (label, " | ".join(cells), "%.1f" % alloc if alloc is not None else ""))
if any(r["jul"] for _, r in jdks):
    lines += ["", "### JUL: a disabled level (host, ns/op and x stock JUL's check of the same run; three JMH forks each, the fastest)", "",
              "A logger at INFO asked for FINE. JUL's manager is chosen at JVM start, so each row is its own JVM (JMH forks "
              "one per benchmark anyway); the handler cannot gate, so its row is stock JUL's check with the handler attached.",
              "", "| benchmark | " + " | ".join(names) + " | B/op |", "|---|" + "---|" * len(names) + "---|"]
    for label, key in [("bare volatile int read (floor)", "volatileIntRead"),
                       ("stock JUL `isLoggable(FINE)`", "julStockIsLoggable"),
                       ("stock JUL with UserEventsHandler `isLoggable(FINE)`", "julHandlerIsLoggable"),
                       ("UserEventsLogManager's logger `isLoggable(FINE)`", "julLogManagerIsLoggable"),
                       ("UserEventsLogManager with `userevents.jul.gate=levels` `isLoggable(FINE)`", "julLevelGateIsLoggable"),
                       ("stock JUL `log(FINE, \"x {0}\", a)`", "julStockFine"),
                       ("stock JUL with UserEventsHandler `log(FINE, \"x {0}\", a)`", "julHandlerFine"),
                       ("UserEventsLogManager's logger `log(FINE, \"x {0}\", a)`", "julLogManagerFine")]:
        cells = [cell(r["jul"], key, ns(r["jul"], "julStockIsLoggable")) for _, r in jdks]
        alloc = jdks[0][1]["jul"].get(key, (0, 0, None))[2]
        lines.append("| %s | %s | %s |" % (label, " | ".join(cells), "%.1f" % alloc if alloc is not None else ""))
lines += ["", "### Enabled event, 64-character message with one parameter (host, ns/op)", "",
          "| benchmark | threads | " + " | ".join(names) + " | B/op |", "|---|---|" + "---|" * len(names) + "---|"]
for label, key in [("core async hand-off (format, claim, encode into slot, publish)", "coreAsyncHandoff"),
                   ("SLF4J `info(pattern, arg)` async hand-off", "slf4jAsyncHandoff"),
                   ("Log4j2 `AsyncLogger` (LMAX Disruptor) `info(pattern, arg)` to a Null appender", "log4j2AsyncLoggerHandoff"),
                   ("core sync: encode + writev(/dev/null) on the caller", "coreSyncWritevDevNull")]:
    for threads, k in (("1", "e1"), ("2", "e2")):
        if key in jdks[0][1][k]:
            alloc = jdks[0][1][k][key][2]
            lines.append("| %s | %s | %s | %s |" % (label, threads, " | ".join(cell(r[k], key) for _, r in jdks),
                                                    "%.1f" % alloc if alloc is not None else ""))
lines += ["", "### EventHeader record vs tracefs record, 64-character message (host, ns/op, device whose writev costs nothing)",
          "", "The EventHeader event carries the MDC of a traced request (trace_id, span_id, trace_flags, one more), the thread "
          "and the clock.", "", "| benchmark | " + " | ".join(names) + " | B/op |", "|---|" + "---|" * len(names) + "---|"]
for label, key in [("tracefs record, sync (encode + no-op write)", "tracefsSync"),
                   ("EventHeader record, sync (encode + no-op write)", "eventHeaderSync"),
                   ("the same through the SLF4J provider, fields from the real MDC", "slf4jEventHeaderSyncWithMdc"),
                   ("tracefs record of the EventHeader record's 390 bytes (a 377-character message), sync", "tracefsSyncEventHeaderBytes"),
                   ("tracefs record, async hand-off, ring kept full", "tracefsAsyncHandoff"),
                   ("tracefs record of the EventHeader record's 390 bytes, async hand-off, ring kept full", "tracefsAsyncHandoffEventHeaderBytes"),
                   ("EventHeader record, async hand-off, ring kept full (the writer encodes: its rate)", "eventHeaderAsyncHandoff"),
                   ("tracefs record, ring kept full, the writer's writev on /dev/null", "tracefsAsyncToDevNull"),
                   ("EventHeader record, ring kept full, the writer's encode and writev on /dev/null", "eventHeaderAsyncToDevNull"),
                   ("tracefs record, async hand-off in bursts of 256 into a drained ring (the caller's cost; its own fork, in either vCPU placement: the same-second pairs are in Targets)", "burst:tracefsBurst"),
                   ("EventHeader record, async hand-off in bursts of 256 into a drained ring (the caller's cost; its own fork, in either vCPU placement: the same-second pairs are in Targets)", "burst:eventHeaderBurst")]:
    group, key = key.split(":") if ":" in key else ("eh", key)
    if key in jdks[0][1][group]:
        alloc = jdks[0][1][group][key][2]
        lines.append("| %s | %s | %s |" % (label, " | ".join(cell(r[group], key) for _, r in jdks),
                                         "%.1f" % alloc if alloc is not None else ""))
lines += ["", "### End-to-end throughput, one producer (host, events/s; Java / C of the same run)", "",
          "| path | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
for label, key in [("ring → one writev per event on /dev/null", "userEventsRingToWritev"),
                   ("the core's writev call alone, one thread, one record (no ring, no encode)", "deviceWritevOnly"),
                   ("Log4j2 async loggers → buffered file", "log4jAsyncLoggerToFile")]:
    cells = []
    for _, r in jdks:
        if key in r["tput"]:
            rate = r["tput"][key][0]
            cells.append("%.0f (%.2fx C)" % (rate, rate / r["c_host"][0]) if r["c_host"] else "%.0f" % rate)
        else:
            cells.append("n/a")
    lines.append("| %s | %s |" % (label, " | ".join(cells)))
lines.append("| raw C writev loop on /dev/null (gcc -O2), same run | %s |"
             % " | ".join("%.0f" % r["c_host"][0] if r["c_host"] else "n/a" for _, r in jdks))
lines += ["", "### Kernel ratios (test VM, TCG: absolute numbers meaningless, ratios from one boot per JDK)", "",
          "Java measures one-second rounds until its rate stops rising (3 rounds within 2% of the best, at most 20) "
          "and reports the best; `rounds` shows the warm-up and `JIT ms` what C1/C2 still compiled in the last round.",
          "", "| JDK | measure | Java | C | Java / C | rounds (events/s) | JIT ms, last round |", "|---|---|---|---|---|---|---|"]
for name, r in jdks:
    rounds = {"drain": [], "sync": []}
    for kind, seq, jit_ms in r["rounds"]:
        rounds[kind].append((seq, jit_ms))
    for kind, values in (("drain", r["java_vm"]), ("sync", r["java_sync_vm"])):
        for i in range(min(len(r["c_vm"]), len(values))):
            seq, jit_ms = rounds[kind][i] if i < len(rounds[kind]) else ("", "")
            label = ("async drain into user_events_data, ftrace on" if kind == "drain"
                     else "sync (one thread, like C), ftrace on")
            lines.append("| %s | %s, round %d (events/s) | %.0f | %.0f | %.2f | %s | %s |"
                         % (name, label, i + 1, values[i], r["c_vm"][i], values[i] / r["c_vm"][i], seq, jit_ms))
    c_reg = r["reg"].get("c")
    for row, label in (("core", "registration, one `logger()` call per logger (6 events, us per logger)"),
                       ("coreBatch", "registration, one `loggers()` batch: sweeps, preregistration (us per logger)")):
        if c_reg and row in r["reg"]:
            best, ratio = r["reg"][row]
            lines.append("| %s | %s | %.1f | %.1f | %.2f (median of late rounds %.2f) | | |"
                         % (name, label, best, c_reg[0], best / c_reg[0], ratio))

targets = []


def verdict(ok):
    return "met" if ok else "**not met**"


for name, r in jdks:
    d = r["disabled"]
    vol, slf4j_dis = ns(d, "volatileIntRead"), ns(d, "slf4jUserEventsIsDebugEnabled")
    logback, filt, stock = ns(d, "logbackIsDebugEnabled"), ns(d, "log4jUserEventsFilterIsDebugEnabled"), ns(d, "log4jStockIsDebugEnabled")
    targets.append("| %s: SLF4J disabled check ≤ 3x the volatile read and no slower than Logback's | %.2f ns, %.2fx; Logback %.2f ns | %s |"
                   % (name, slf4j_dis, slf4j_dis / vol, logback, verdict(slf4j_dis <= 3 * vol and slf4j_dis <= logback * 1.05)))
    neutral = ns(d, "log4jNeutralFilterIsDebugEnabled") if "log4jNeutralFilterIsDebugEnabled" in d else None
    targets.append("| %s: Log4j2 check with the selector ≤ 1.2x stock Log4j2's | %.2fx (%.2f vs %.2f ns) | %s |"
                   % (name, filt / stock, filt, stock, verdict(filt <= 1.2 * stock)))
    if "log4jUserEventsFilterWithoutSelectorIsDebugEnabled" in d:
        plain = ns(d, "log4jUserEventsFilterWithoutSelectorIsDebugEnabled")
        split = ("; of it, Log4j's global-filter dispatch (a NEUTRAL ThresholdFilter) %.2f ns = %.2fx stock, UserEventsFilter's own check %.2f ns"
                 % (neutral, neutral / stock, plain - neutral)) if neutral else ""
        if "log4jLevelsGateIsDebugEnabled" in d:
            gated = ns(d, "log4jLevelsGateIsDebugEnabled")
            targets.append("| %s: Log4j2 check without the selector ≤ 2x stock Log4j2's | `gate=\"levels\"` %.2fx (%.2f vs %.2f ns); "
                           "the configuration-level filter %.2fx (%.2f ns%s) | %s |"
                           % (name, gated / stock, gated, stock, plain / stock, plain, split, verdict(gated <= 2 * stock)))
        else:
            targets.append("| %s: Log4j2 filter check without the selector ≤ 2x stock Log4j2's | %.2fx (%.2f vs %.2f ns%s) | %s |"
                           % (name, plain / stock, plain, stock, split, verdict(plain <= 2 * stock)))
    if "c" in r["reg"] and "coreBatch" in r["reg"]:
        batch, single = r["reg"]["coreBatch"], r["reg"].get("core")
        targets.append("| %s: registration ≤ 1.5x the C loop (VM), per logger | batch %.2fx (late rounds' median %.2fx)%s | %s |"
                       % (name, batch[0] / r["reg"]["c"][0], batch[1],
                          "; one call per logger %.2fx (%.2fx)" % (single[0] / r["reg"]["c"][0], single[1]) if single else "",
                          verdict(batch[1] <= 1.5)))
    if "julLevelGateIsLoggable" in r["jul"]:
        gate, jul_stock = ns(r["jul"], "julLevelGateIsLoggable"), ns(r["jul"], "julStockIsLoggable")
        default = ns(r["jul"], "julLogManagerIsLoggable")
        targets.append("| %s: JUL `isLoggable(FINE)` no slower than stock JUL's, with `userevents.jul.gate=levels` | "
                       "%.2fx (%.2f vs %.2f ns); the default logger (check + word read) %.2fx | %s |"
                       % (name, gate / jul_stock, gate, jul_stock, default / jul_stock, verdict(gate <= jul_stock * 1.05)))
    if "userEventsRingToWritev" in r["tput"] and r["c_host"]:
        ratio = r["tput"]["userEventsRingToWritev"][0] / r["c_host"][0]
        targets.append("| %s: ring → writev(/dev/null) ≥ 0.8x the C loop (host) | %.2fx | %s |" % (name, ratio, verdict(ratio >= 0.8)))
    eh, burst = r["eh"], r["burst"]
    if "eventHeaderBurst" in burst and "tracefsBurst" in burst and "eventHeaderAsyncHandoff" in eh:
        # The caller's cost is the bursts' (the ring has room, as in an application); the full ring's rows, where
        # the writer's encode sets the rate, are reported beside it.
        ratio = ns(burst, "eventHeaderBurst") / ns(burst, "tracefsBurst")
        allocs = [burst["eventHeaderBurst"][2], eh["eventHeaderAsyncHandoff"][2]]
        alloc = max(a for a in allocs if a is not None) if any(a is not None for a in allocs) else None
        placements = r["interleaved"]
        seen = "; ".join("%s, %d iterations: %.2fx (%.1f vs %.1f ns, medians)" % (label, count, median_ratio, h, t)
                         for label, count, t, h, median_ratio in placements)
        if len(placements) == 1:
            seen += "; the other placement did not occur in this run"
        targets.append("| %s: EventHeader hand-off ≤ 2x the tracefs hand-off, 0 B/op | the caller's, bursts into a "
                       "drained ring, the two streams timed in the same second: %s; in separate forks: %.2fx "
                       "(%.1f vs %.1f ns); ring kept full (the writer's rate): %.2fx (%.1f vs "
                       "%.1f ns), with a writev on /dev/null %.2fx (%.1f vs %.1f ns); %s B/op | %s |"
                       % (name, seen or "not run", ratio, ns(burst, "eventHeaderBurst"), ns(burst, "tracefsBurst"),
                          ns(eh, "eventHeaderAsyncHandoff") / ns(eh, "tracefsAsyncHandoff"),
                          ns(eh, "eventHeaderAsyncHandoff"), ns(eh, "tracefsAsyncHandoff"),
                          ns(eh, "eventHeaderAsyncToDevNull") / ns(eh, "tracefsAsyncToDevNull"),
                          ns(eh, "eventHeaderAsyncToDevNull"), ns(eh, "tracefsAsyncToDevNull"),
                          "%.1f" % alloc if alloc is not None else "?",
                          verdict(bool(placements) and all(p[4] <= 2 for p in placements) and (alloc or 0) < 1)))
    handoff = r["e1"].get("coreAsyncHandoff")
    async_logger = r["e1"].get("log4j2AsyncLoggerHandoff")
    if handoff and async_logger:
        two, two_async = r["e2"].get("coreAsyncHandoff"), r["e2"].get("log4j2AsyncLoggerHandoff")
        targets.append("| %s: enabled hand-off (one producer) ≤ Log4j2's AsyncLogger, same line, same run, 0 B/op | "
                       "%.1f vs %.1f ns (%.2fx), %s B/op%s | %s |"
                       % (name, handoff[0], async_logger[0], handoff[0] / async_logger[0],
                          "%.1f" % handoff[2] if handoff[2] is not None else "?",
                          "; two producers %.1f vs %.1f ns" % (two[0], two_async[0]) if two and two_async else "",
                          verdict(handoff[0] <= async_logger[0] and (handoff[2] or 0) < 1)))
    if handoff:
        targets.append("| %s: enabled hand-off ≤ 100 ns and 0 B/op | %.1f ns, %s B/op | %s |"
                       % (name, handoff[0], "%.1f" % handoff[2] if handoff[2] is not None else "?",
                          verdict(handoff[0] <= 100 and (handoff[2] or 0) < 1)))
lines += ["", "### Targets", "", "| target | measured | |", "|---|---|---|"] + targets
lines += ["", "![disabled check and hand-off](perf/results/chart.svg)", "",
          "Reading the numbers:",
          "- One JMH fork per benchmark (three for the disabled check), with `-prof gc`, on a 2-core cloud VM: sub-2 ns results move by 30-50% between "
          "runs, and anything that crosses between the two vCPUs (the hand-off, the drain) depends on where the "
          "hypervisor placed them: the same build's 1-thread hand-off measured 110 ns in three runs and 250-290 ns "
          "in later runs of the same hour. Compare columns of one run; A/B claims in commit messages come from "
          "interleaved runs (A B A B) of two builds.",
          "- The disabled check is one read of an off-heap word the kernel writes. JDK 17-21: "
          "`Unsafe.getIntVolatile` through a constant MethodHandle; JDK 22+: FFM, the constant `JAVA_INT` VarHandle "
          "at the word's absolute address in a constant whole-address-space segment (a per-page segment costs bounds "
          "and liveness checks: 1.3-1.5 ns against 0.64 ns in a one-off JDK 25 JMH run; the `ByteBuffer` view of "
          "the earlier design 1.1-1.3 ns). No allocation. In an application's own loop (`perf/plain-loop.sh`: "
          "`if (log.isDebugEnabled()) sink++` beside a volatile field read, interleaved in one JVM per backend) the "
          "JIT sees more than JMH shows: the word's read is volatile, so every field after it is read again in each "
          "iteration and nothing is hoisted. Through `logger.word.address` a check was three dependent loads plus "
          "the console's mask, a fourth load and branch, and on JDK 22+ the segment's bounds and alignment tests on "
          "the re-read address: 2.5-3.1x (JDK 17) and 3.5-5.0x (JDK 25) the volatile read for a `static final` "
          "logger. The SLF4J logger now keeps the word's address in a field of its own "
          "(`EnableWord.read(word, address)`), the JDK 22+ read masks the address so C2 proves it in bounds and "
          "aligned, and a factory with a console makes `ConsoleUserEventsLogger`s, so a logger without one pays no "
          "console test: two loads and one branch, 1.4-1.7x (JDK 17) and 1.2-1.6x (JDK 25), against Logback's "
          "2.5-2.6x in the same loop (one host, load 4-7 from other work, best of 9 rounds; machine code read with "
          "`perf/disasm-hexdump.py`). Held in an instance field the loop adds the field's re-read and the interface "
          "call's type guard, which every backend pays: 2.8-4.3x and 3.0-3.5x, Logback 4.5x and 6.3x. "
          "slf4j-simple's level is a plain field: the JIT hoists its check and removes the loop. The kernel's bit is "
          "tested before, not merged with, a console's bit: `((word | consoleMask) & mask)` compiled to as many "
          "instructions but measured 1.33-1.43 ns against 0.83-0.85 ns (JDK 17, interleaved, Logback 0.91-0.96 ns "
          "in the same runs).",
          "- Log4j2 with `UserEventsContextSelector`: the logger (`RegisteredLogger`) answers `isEnabled` from a "
          "`LevelGate` rebuilt whenever Log4j gives it a new config (the configuration's filter is its "
          "`UserEventsFilter` alone; per standard level the answer traced and untraced), so the check is the "
          "filter identity test Log4j's own path makes, the word read and a bit test, without Log4j's filter call "
          "(the first design, which read the config's level on each call, measured 1.65-2.00x stock). Without the "
          "selector the configuration-level filter pays Log4j's global-filter call and a cache probe by the "
          "Logger's identity (keyed by the logger name's cached hash instead: no gain, interleaved, both JDKs); "
          "`gate=\"levels\"` nested in the appender takes the filter out of the check, so it is stock Log4j's, "
          "levels set by a poller (see Quick start: Log4j2). "
          "The level's bit comes from identity tests on Log4j's standard levels, which fold to a constant when the "
          "JIT inlines `isDebugEnabled()` (`intLevel` arithmetic did not: 3.2-3.7x stock before, 1.85x after in one "
          "session). The Logback turbo filter pays Logback's turbo-filter dispatch (the NEUTRAL row) and the same "
          "identity probe (Logback lets no logger carry a field; its slots hold the words themselves, tagged with their "
          "logger, one dependent load fewer than entries pointing to them: 4.22-4.24 to 3.77-3.81 ns, best of 3 "
          "forks, interleaved, JDK 17). Every SLF4J backend is called through `org.slf4j.Logger`, as applications "
          "hold it.",
          "- Hand-off: 0 B/op in the core. The SLF4J provider formats `{}` straight into its reused buffer "
          "(`Slf4jFormatter`, checked against SLF4J's `MessageFormatter` on 20 000 generated patterns; 352 B/op "
          "before); its 24 B/op is the `Object[]` that SLF4J's `AbstractLogger` makes of the arguments. With "
          "2 producer threads, they and the writer thread share the 2 cores. Producers keep the consumed sequence "
          "they last read and read the writer's line only when the ring may be full (Disruptor's gating-sequence "
          "cache: 373-407 ns to 251-269 ns interleaved, JDK 17); the rest is the slot and sequence lines moving "
          "between the cores, which no code change here moved measurably (one line per slot, a writer that naps "
          "instead of spinning: both tried, interleaved, within noise, not kept).",
          "- Drain: one `writev` per event (JNA's direct mapping on JDK 17; on 25 a critical FFM downcall for "
          "user_events_data and /dev/null, which never block). A BLOCK producer facing a full ring yields a few "
          "times, then parks 50 µs, and no longer spins on the ring's lines, which slowed the writer (0.78-0.81x to "
          "0.88-0.93x the C loop for parking at once, JDK 25, interleaved; the yields cost 5-10% of that on the host "
          "and double the 4-producer load's rate in the VM, where CPU is scarce). In the VM "
          "(single-threaded TCG) the JVM's producer and writer share one emulated CPU and atomics are emulated; "
          "registration goes through one registrar thread (see Behaviour). Where the JDK 17 drain's time goes: the "
          "`deviceWritevOnly` row is the core's writev call alone, and `perf/native-call-probe.sh` (one JVM, rows "
          "interleaved with the C loop, one thread, `perf/results/native-call-probe.txt`) splits the call: JNA's "
          "direct mapping reaches 0.46x the C loop per writev (459 against 191 ns), and JNA alone costs 80-100 ns a "
          "call (libc's `labs`: 96-112 ns through JNA, 15 ns through hand-written JNI), in its native dispatch: a "
          "libffi closure per method and `ffi_call` re-packing the arguments, the conversion set-up "
          "`Native.register` always asks for, an `ExceptionCheck` and errno saved to thread storage on every call "
          "(JNA 5.17's `dispatch.c`, read and profiled). No JNA option changes it (`OPTION_ALLOW_OBJECTS=false`, "
          "`throws LastErrorException`: within noise). The floor of any JNI call is 0.71x here: a hand-written JNI "
          "writev and jffi (jnr-ffi's JNI core) both reach it, so 0.8x on JDK 17-21 is out of reach through JNI on "
          "this host; JDK 25's FFM downcall reaches 0.77x and its critical downcall (the core's) 0.83x. jffi was "
          "measured, not adopted (a second native dependency for 0.25x). The host's syscall moved between sessions: "
          "the C loop wrote 0.68 M events/s on 2026-11-30 and 6.3-6.9 M/s on 2026-12-02, so the ratio to C now "
          "measures the call from Java, not the ring: in the 2026-12-02 run the call alone reached 0.39x (JDK 17) "
          "and 0.54x (JDK 25) the C loop, and the ring kept 0.87x and 0.73x of the call alone.",
          "- EventHeader: the record (names, thread, clock, attributes, body: 390 bytes here against the tracefs "
          "record's 77) is encoded into two per-thread heap arrays (definitions, data), and the writer "
          "copies each once into native memory (the slot, or the sync writer's buffer): a `ByteBuffer`'s bulk put checks its memory "
          "session on every call and cost as much as encoding a short string, so fields go in with array copies "
          "and the ASCII runs of text straight into the array. Strings that come back as the same `String` (the "
          "thread's name, the MDC's keys and values by position, as across a request's lines) are copied from a "
          "`TextMemo` instead of encoded again. Interleaved against the previous encoder (same bytes: 60 000 "
          "generated records compared; min of 25 iterations, load 2.4-4): sync 460 -> 232 ns (JDK 17) and 532 -> "
          "257 ns (JDK 25), async hand-off 692 -> 428 ns and 808 -> 507 ns. The field definitions that never change "
          "are encoded once (those that follow each other copied as one) and the date once a second. The disabled "
          "check does not change with a provider configured: its bits are in the same word. Since then (2026-12-02, "
          "interleaved, 3 pairs per JDK, min of 25 iterations, no other load): plain arrays with little-endian "
          "`VarHandle` stores instead of heap `ByteBuffer`s and the last attribute list remembered by identity "
          "(`AttributeMemo`: a repeated MDC copies its bytes, no second pass): async hand-off 372-403 -> 319-361 ns "
          "(JDK 17) and 418-524 -> 344-386 ns (JDK 25), 2.2-2.5x -> 2.0-2.1x the tracefs hand-off of the same runs "
          "on JDK 17 and 2.7-2.9x -> 1.7-2.3x on JDK 25; handing definitions and data to the writer apart (one copy "
          "of the data, not two) measured within noise of that. That left 2x out of reach on the caller, and the "
          "time was not the bytes crossing cores (2026-12-03, JDK 17, interleaved probes): pre-encoded records of "
          "16 and 400 bytes handed off through the same ring in the same time (about 27 ns, or 70-100 ns when the "
          "hypervisor placed the two vCPUs apart), slots of 448 or 1 024 bytes instead of 7 168 changed nothing, "
          "and the 390-byte tracefs row costs as much sync as handed off (the UTF-8 encode of 377 characters). The "
          "caller's encode was the cost: the clock 27 ns, the four memoised MDC attributes 24, the 64-character "
          "body 27, the fixed rest 49, 122 ns against the whole tracefs sync call's 34. So in async mode the writer "
          "encodes: the caller takes the time, the thread, the body's first maxMessageBytes+2 characters (one bulk "
          "append) and the attributes into a per-thread `CapturedEvent` (strings, boxed JDK numbers and booleans "
          "by reference; any other value as its `toString()`, run on the caller before a slot is claimed, so the "
          "writer never runs user code), copies it into the claimed slot's own one and publishes; the writer "
          "encodes it into the slot with the same `EventHeaderEncoder` (byte for byte the sync writer's record: "
          "`EventHeaderHandOffTest`). An event with a throwable, a nested call from a `toString()`, the sync "
          "writer and a full ring under the SYNC policy still encode on the caller. Interleaved, JDK 17: the "
          "caller's cost in bursts of 256 into a drained ring 135-137 -> 53-55 ns against tracefs 49-52 ns "
          "(2.6-2.7x -> 1.1x); with the ring kept full, where the writer's encode sets the rate, 140 -> 120-128 ns "
          "against 51-59 ns (2.35-2.6x) on the device whose writev costs nothing; with a writev per event (on "
          "/dev/null, the table's rows) the syscall takes the larger share of the writer's time for both streams. "
          "The burst pair depends on where the hypervisor puts the two vCPUs, and that changes over seconds within one "
          "JVM (a 60-second probe, JDK 17: 11 s at 67-90 ns per event, 17 s at 415-447 ns, then 66-68 ns again; "
          "tracefs 50-65 against 150-180 ns). In the slow placement each cache line the caller writes that the "
          "writer touched last costs a transfer between the cores, and a fence waits for the transfers queued "
          "before it. Trading the filled `CapturedEvent` for the slot's cleared one (until 2026-12-03) had the "
          "caller write the traded object's lines before the claim, so the claim's CAS waited for them and the "
          "publish's fence for the slot's: two waits per event against tracefs's one (perf samples of the caller "
          "in the slow placement fell at the CAS and at the publish's fence). Now the caller fills its own "
          "thread's object, which the writer never sees, copies it into the slot's after the claim, and the writer "
          "only reads that one and writes through its own iovec. Same JVM, same seconds (the streams in turn every "
          "66 ms for 90 s, JDK 17): the slow placement 2.30x (415 vs 180 ns) trading, 1.63x (294 vs 180 ns) "
          "copying; the fast placement 1.19x and 1.37x, then 1.25x (75 vs 60 ns) once a `String` or "
          "`StringBuilder` body is copied once, into the slot, instead of twice. Not enough alone: the writer "
          "writing nothing the caller writes (no clear, its own iovec) with the trade kept, 2.53x against 2.44x. "
          "The table's row times both streams' bursts in the same second and splits its iterations by placement. "
          "Through the SLF4J "
          "provider the fields come from the real MDC, read from a per-thread read-only snapshot that is copied "
          "once per change of the map (Logback's design), not per read: 448 B/op before.",
          ]
# perf/startup-probe.sh's boots (run on their own: minutes each), summarised by perf/startup-report.py.
if os.path.exists(os.path.join(out, "startup.md")):
    lines += ["", open(os.path.join(out, "startup.md")).read().rstrip("\n")]
report = "\n".join(lines) + "\n"
open(os.path.join(out, "report.md"), "w").write(report.replace("perf/results/chart.svg", "chart.svg"))

# chart: horizontal bars, ns/op
bars = [(label, ns(rows, key)) for label, rows, key in [
    ("volatile read", disabled, "volatileIntRead"),
    ("SLF4J isDebugEnabled", disabled, "slf4jUserEventsIsDebugEnabled"),
    ("Log4j2+filter isDebugEnabled", disabled, "log4jUserEventsFilterIsDebugEnabled"),
    ("stock Log4j2 isDebugEnabled", disabled, "log4jStockIsDebugEnabled"),
    ("Logback isDebugEnabled", disabled, "logbackIsDebugEnabled"),
    ("Logback+turbo isDebugEnabled", disabled, "logbackTurboFilterIsDebugEnabled"),
    ("async hand-off, 1 thread", e1, "coreAsyncHandoff"),
    ("async hand-off, 2 threads", e2, "coreAsyncHandoff"),
    ("SLF4J info() async hand-off", e1, "slf4jAsyncHandoff"),
    ("sync writev(/dev/null)", e1, "coreSyncWritevDevNull")] if key in rows]
width, bar_h, left = 760, 26, 230
top = max(v for _, v in bars) if bars else 1
svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="13">'
       % (width, 40 + bar_h * len(bars)), '<rect width="100%" height="100%" fill="white"/>',
       '<text x="10" y="20" font-weight="bold">ns/op, host (log scale)</text>']
import math
scale = (width - left - 90) / math.log10(top * 10)
for i, (label, value) in enumerate(bars):
    y = 32 + i * bar_h
    w = max(2, scale * math.log10(max(value, 0.1) * 10))
    svg.append('<text x="10" y="%d">%s</text>' % (y + 16, label))
    svg.append('<rect x="%d" y="%d" width="%.0f" height="%d" fill="#4a7fb5"/>' % (left, y + 3, w, bar_h - 8))
    svg.append('<text x="%.0f" y="%d">%.2f</text>' % (left + w + 6, y + 16, value))
svg.append("</svg>")
open(os.path.join(out, "chart.svg"), "w").write("\n".join(svg) + "\n")

text = open(readme).read()
start = text.index("## Performance")
end = text.index("\n## ", start + 5)
section = ("## Performance\n\nWritten by `perf/run.sh` (JMH and the VM ratios, once per JDK: 17, then 25; one command, "
           "about 10 minutes on 2 cores; raw data in `perf/results/` and `perf/results/jdk25/`).\n\n" + report)
open(readme, "w").write(text[:start] + section + text[end:])
