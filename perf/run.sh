#!/usr/bin/env bash
# One command for the performance report (about 10 minutes on 2 cores: everything once per JDK, 17 and 25):
#   host: JMH benchmarks (disabled check, disabled debug, JUL's disabled check, enabled hand-off at 1 and 2 threads, end-to-end
#         throughput, EventHeader vs tracefs encoding and hand-off in bursts) with -prof gc, and the raw C writev loop on /dev/null, all
#         in this run;
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

cp="$here/target/classes:$root/native/target/test-classes:$(cat "$here/target/classpath.txt")"
# native/target/test-classes: dev.userevents.testing.RegistrationProbe (core test code: it reaches the ABI layer).
# userevents-jul is provided-scope in perf (its System.LoggerFinder would serve every JVM on cp): JulCheckBenchmark only.
jul_jar=$(ls "$root"/jul-bridge/target/userevents-jul-*.jar | grep -v -e '-sources' -e '-javadoc' -e '-tests' | head -n 1)

# One JDK's part: host JMH into $1, then the kernel ratios in one VM boot.
#   measure OUT_DIR JAVA_BIN
measure() {
  local dir=$1 java_bin=$2 version flags=()
  mkdir -p "$dir"
  version=$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [ "${version%%.*}" -ge 22 ] 2>/dev/null && flags+=(--enable-native-access=ALL-UNNAMED)
  jmh() { "$java_bin" "${flags[@]}" -cp "$cp" org.openjdk.jmh.Main "$@"; }
  # A command-line -jvmArgsAppend replaces the benchmarks' @Fork(jvmArgsAppend), so their GC choice is repeated here.
  local jvm_args=(-jvmArgsAppend "-XX:+UseParallelGC ${flags[*]:-}")
  echo "perf: host JMH (JDK $version) into $dir"
  jmh DisabledBenchmark -f 3 -prof gc -rf json -rff "$dir/disabled.json" "${jvm_args[@]}"
  "$java_bin" "${flags[@]}" -cp "$cp:$jul_jar" org.openjdk.jmh.Main JulCheckBenchmark -f 3 -prof gc -rf json \
    -rff "$dir/jul.json" "${jvm_args[@]}"
  jmh EnabledBenchmark -t 1 -prof gc -rf json -rff "$dir/enabled-1t.json" "${jvm_args[@]}"
  jmh EnabledBenchmark -t 2 -prof gc -rf json -rff "$dir/enabled-2t.json" "${jvm_args[@]}"
  jmh ThroughputBenchmark -rf json -rff "$dir/throughput.json" "${jvm_args[@]}"
  jmh EventHeaderBenchmark -prof gc -rf json -rff "$dir/eventheader.json" "${jvm_args[@]}"
  jmh HandoffBurstBenchmark -prof gc -rf json -rff "$dir/burst.json" "${jvm_args[@]}"
  "$here/target/ue-bench" writev /dev/null 5 | tee "$dir/c-host.txt"
  echo "perf: kernel ratios in the test VM (JDK $version)"
  "$root/vm/setup"
  "$root/vm/run" --out "$here/target/vm" -- bash "$here/kernel-ratios.sh" "$here/target/ue-bench" "$java_bin" "$cp" "${flags[*]:-}" \
    | tee "$dir/kernel.txt"
  "$java_bin" -version 2>&1 | head -n 1 > "$dir/jdk.txt"
}

# The JDK 17 baseline (JAVA_HOME or the default java), then a JDK 22+ (USEREVENTS_EXTRA_JDK or Temurin 25), whose
# runs take the multi-release jar's FFM classes.
measure "$out" "${JAVA_HOME:+$JAVA_HOME/bin/}java"
extra=${USEREVENTS_EXTRA_JDK:-$(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -n 1)}
if [ -n "$extra" ] && [ -x "$extra/bin/java" ]; then
  measure "$out/jdk25" "$extra/bin/java"
fi

{
  echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo), $(uname -r)"
  echo "jdk: $(cat "$out/jdk.txt")${extra:+ and $(cat "$out/jdk25/jdk.txt" 2>/dev/null)}"
  echo "date: $(date -u +%Y-%m-%d)"
} > "$out/machine.txt"
python3 "$here/report.py" "$out" "$root/README.md"
echo "perf: wrote $out/report.md and $out/chart.svg"
