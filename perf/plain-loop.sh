#!/usr/bin/env bash
# The disabled check in a plain loop (PlainLoopProbe), outside JMH: one JVM per backend (our SLF4J provider,
# Logback, slf4j-simple) and JDK (17, then USEREVENTS_EXTRA_JDK or Temurin 25); in each, the logger loops and a
# volatile int read loop interleaved, best of ROUNDS. Needs perf built (run.sh's mvn package, or the same by hand).
#   perf/plain-loop.sh [ROUNDS] [ITERATIONS]     extra JVM flags: PLAINLOOP_JVM_ARGS
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
# slf4j-simple is no perf dependency (a third SLF4J provider on every benchmark's class path): its JVM alone gets it.
slf4j_version=$(sed -n 's:.*/slf4j-api/\([^/]*\)/.*:\1:p' <<<"${cp//:/$'\n'}" | head -n 1)
simple_jar="${HOME}/.m2/repository/org/slf4j/slf4j-simple/$slf4j_version/slf4j-simple-$slf4j_version.jar"
extra=${USEREVENTS_EXTRA_JDK:-$(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -n 1)}
for java_bin in "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${extra:+"$extra/bin/java"}; do
  for backend in userevents logback simple; do
    backend_cp=$cp
    if [ "$backend" = simple ]; then
      [ -f "$simple_jar" ] || { echo "plainloop: no $simple_jar, slf4j-simple skipped"; continue; }
      backend_cp="$cp:$simple_jar"
    fi
    echo "plainloop: load $(cut -d' ' -f1-3 /proc/loadavg)"
    # shellcheck disable=SC2086 # PLAINLOOP_JVM_ARGS is a list of flags
    "$java_bin" -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED ${PLAINLOOP_JVM_ARGS:-} \
      -Dplainloop.backend="$backend" -cp "$backend_cp" dev.userevents.perf.PlainLoopProbe "$@"
  done
done
