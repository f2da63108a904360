#!/usr/bin/env bash
# Inside the test VM, one boot: the Spring Boot sample's start-up with the module (A: the jar's logback-spring.xml,
# the turbo filter and the appender) and without it (B: perf/startup-plain-logback.xml, the same console, given with
# --logging.config), interleaved A B A B, and a fresh JVM's first 1 000 loggers beside the C loop's 1 000.
#   perf/startup-vm.sh JAVA_HOME [RUNS]     (RUNS of each, default 3), or vm/run -- bash "$PWD/perf/startup-probe.sh" ...
#   (the guest starts commands in /tmp: an absolute path)
# Needs, built on the host: perf/run.sh's build (mvn -o package -DskipTests -pl perf -am; gcc -O2 -o
# perf/target/ue-bench perf/ue-bench.c) and `mvn -o -f samples-spring-boot/pom.xml package -DskipTests`.
# Both runs use vm-scenario.sh's flags (-XX:TieredStopAtLevel=1: C1 only; start-up under TCG takes 1-3 minutes).
# Off the VM (no user_events) it runs the apps only, events 0: a dry run of the script. perf/startup-vm.sh runs it
# in the VM and adds the emulator's CPU time at each "mark" line.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
java_home=$1 runs=${2:-3}
java="$java_home/bin/java"
jar="$root/samples-spring-boot/target/orders.jar"
plain="$here/startup-plain-logback.xml"
status=/sys/kernel/tracing/user_events_status
ue_bench="$here/target/ue-bench"
cp="$root/native/target/test-classes:$(cat "$here/target/classpath.txt")"
app_flags=(-XX:TieredStopAtLevel=1 -Djna.tmpdir=/tmp)
probe_flags=(-Djna.tmpdir=/tmp)
version=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
# The jar's manifest grants the app native access on 22+; the probe runs from a class path.
[ "${version%%.*}" -ge 22 ] && probe_flags+=(--enable-native-access=ALL-UNNAMED)
results=$(mktemp)

active() { if [ -r "$status" ]; then awk '/^Active:/ {print $2}' "$status"; else echo 0; fi; }
now() { date +%s.%N; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }

# The kernel deletes a process's events some time after it exits; the next run must not pay for that, nor see them.
# Prints the seconds waited.
wait_deleted() {
  local from waited
  from=$(now)
  for _ in $(seq 600); do
    [ "$(active)" -le "$baseline" ] && break
    sleep 0.5
  done
  [ "$(active)" -le "$baseline" ] || { echo "startup-probe: $(($(active) - baseline)) events not deleted after 300 s" >&2; exit 1; }
  waited=$(minus "$(now)" "$from")
  printf '%.1f' "$waited"
}

# One start of the sample: A (its own logback-spring.xml) or B (the plain file). Prints one result line.
#   app RUN A|B
app() {
  local run=$1 config=$2 log=/tmp/app-$1-$2.log extra=() launched pid started_line started_at seconds process events_started events_stop
  [ "$config" = B ] && extra=(--logging.config="$plain")
  echo "mark launch run $run config $config"
  launched=$(now)
  "$java" "${app_flags[@]}" -jar "$jar" "${extra[@]}" > "$log" 2>&1 &
  pid=$!
  until grep -q 'Started OrdersApplication' "$log"; do
    kill -0 "$pid" 2>/dev/null || { echo "startup-probe: run $run $config exited"; cat "$log"; exit 1; }
    [ "$(minus "$(now)" "$launched" | cut -d. -f1)" -lt 1200 ] || { echo "startup-probe: run $run $config did not start"; cat "$log"; exit 1; }
    sleep 0.5
  done
  echo "mark started run $run config $config"
  events_started=$(($(active) - baseline))
  started_line=$(grep -m 1 'Started OrdersApplication' "$log")
  # Boot's console line starts with its ISO-8601 time: wall time from launch to that line, not to our poll.
  started_at=$(date -d "$(echo "$started_line" | awk '{print $1}')" +%s.%N)
  seconds=$(echo "$started_line" | sed -n 's/.* in \([0-9.]*\) seconds.*/\1/p')
  process=$(echo "$started_line" | sed -n 's/.*process running for \([0-9.]*\).*/\1/p')
  sleep 2 # loggers made just after the line (none expected without requests)
  events_stop=$(($(active) - baseline))
  kill -TERM "$pid"
  wait "$pid" || true
  printf 'app run %s config %s started_s %s process_s %s wall_s %.2f events_at_started %s events_at_stop %s deleted_after_s %s\n' \
    "$run" "$config" "$seconds" "$process" "$(minus "$started_at" "$launched")" "$events_started" "$events_stop" \
    "$(wait_deleted)" | tee -a "$results"
}

# The registration rows: the C loop's 1 000 loggers, then a fresh JVM's 1 000 one call each, then one batch.
registration() {
  local round=$1
  if [ -w "${status%_status}_data" ]; then
    "$ue_bench" register 1000 "ue_startup_c$round" | sed "s/^/startup round $round /" | tee -a "$results"
    for mode in each batch; do
      "$java" "${probe_flags[@]}" -cp "$cp" dev.userevents.testing.RegistrationProbe startup "$mode" 1000 \
        | sed "s/^/startup round $round /" | tee -a "$results"
      wait_deleted > /dev/null
    done
  fi
}

echo "startup-probe: $("$java" -version 2>&1 | head -n 1), $(nproc) CPUs, kernel $(uname -r), runs $runs of each"
echo "startup-probe: app flags ${app_flags[*]} (A and B alike); probe flags ${probe_flags[*]}"
ip link set lo up 2>/dev/null || true
# The first run would read the jar and the JDK over 9p; every run reads them from the page cache.
cat "$jar" "$java_home/lib/modules" > /dev/null
baseline=$(active)
echo "startup-probe: user_events active before: $baseline"
registration 1
for run in $(seq "$runs"); do
  app "$run" A
  app "$run" B
done
registration 2

python3 - "$results" <<'EOF'
import statistics, sys
runs = {"A": [], "B": []}
startup = {}
for line in open(sys.argv[1]):
    f = line.split()
    if f[0] == "app":
        kv = dict(zip(f[1::2], f[2::2]))
        runs[kv["config"]].append({k: float(v) for k, v in kv.items() if k not in ("config", "run")})
    elif f[0] == "startup":
        startup.setdefault(f[3], []).append(float(f[4]))
for measure in ("wall_s", "started_s", "process_s", "events_at_started"):
    a = statistics.median(r[measure] for r in runs["A"])
    b = statistics.median(r[measure] for r in runs["B"])
    print("summary %s median_A %.2f median_B %.2f A/B %s A-B %.2f"
          % (measure, a, b, "%.3f" % (a / b) if b else "n/a", a - b))
for key, values in sorted(startup.items()):
    print("summary %s %s" % (key, " ".join("%.1f" % v for v in values)))
events = statistics.median(r["events_at_started"] for r in runs["A"])
diff = statistics.median(r["wall_s"] for r in runs["A"]) - statistics.median(r["wall_s"] for r in runs["B"])
# Per event from this boot's fresh-JVM rows (1 000 loggers x 6 events): what A's registrations alone would cost.
for key, scale in (("java_startup_each_1000_loggers_ms", 1e3 / 6000), ("java_startup_batch_1000_loggers_ms", 1e3 / 6000),
                   ("c_register_us_per_logger", 1 / 6)):
    if key in startup:
        per_event_us = statistics.median(startup[key]) * scale
        cost = events * per_event_us / 1e6
        print("summary registration_estimate %s per_event_us %.1f events %d seconds %.2f share_of_wall_A-B %s"
              % (key, per_event_us, events, cost, "%.0f%%" % (100 * cost / diff) if diff > 0 else "n/a"))
EOF
rm -f "$results"
