#!/usr/bin/env bash
# One command for the performance report (about 10 minutes on 2 cores):
#   host: JMH benchmarks (disabled check, disabled debug, enabled hand-off at 1 and 2 threads, end-to-end
#         throughput) with -prof gc, and the raw C writev loop on /dev/null, all in this run;
#   VM:   Java drain rate vs the C writev loop on user_events_data with ftrace on, and registration cost per
#         logger vs C, in one VM boot (only the ratios mean anything there).
# Writes perf/results/report.md and perf/results/chart.svg, and the README's Performance section.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
out="$here/results"
mkdir -p "$out"
cd "$root"
mvn -B -q -ntp package -DskipTests -Dkernel.tests.skip=true -pl perf -am
gcc -O2 -Wall -o "$here/target/ue-bench" "$here/ue-bench.c"

java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
flags=()
version=$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
[ "${version%%.*}" -ge 24 ] 2>/dev/null && flags+=(--enable-native-access=ALL-UNNAMED)
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
jmh() { "$java_bin" "${flags[@]}" -cp "$cp" org.openjdk.jmh.Main "$@"; }
jvm_args=(-jvmArgsAppend "${flags[*]:--Dx=1}")

echo "perf: host JMH (JDK $version)"
jmh DisabledBenchmark -prof gc -rf json -rff "$out/disabled.json" "${jvm_args[@]}"
jmh EnabledBenchmark -t 1 -prof gc -rf json -rff "$out/enabled-1t.json" "${jvm_args[@]}"
jmh EnabledBenchmark -t 2 -prof gc -rf json -rff "$out/enabled-2t.json" "${jvm_args[@]}"
jmh ThroughputBenchmark -rf json -rff "$out/throughput.json" "${jvm_args[@]}"
"$here/target/ue-bench" writev /dev/null 5 | tee "$out/c-host.txt"

echo "perf: kernel ratios in the test VM"
"$root/vm/setup"
"$root/vm/run" --out "$here/target/vm" -- bash "$here/kernel-ratios.sh" "$here/target/ue-bench" "$java_bin" "$cp" "${flags[*]:-}" \
  | tee "$out/kernel.txt"

{
  echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo), $(uname -r)"
  echo "jdk: $("$java_bin" -version 2>&1 | head -n 1)"
  echo "date: $(date -u +%Y-%m-%d)"
} > "$out/machine.txt"
python3 "$here/report.py" "$out" "$root/README.md"
echo "perf: wrote $out/report.md and $out/chart.svg"
