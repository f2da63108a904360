#!/usr/bin/env bash
# Issue 29 item 5: the JDK 17-21 native call measured against its alternatives and the C loop, one thread,
# writev(/dev/null, one 80-byte record). NativeCallProbe runs every row interleaved in one JVM with the C loop
# (perf/ue-bench.c) as a subprocess in each round; this script builds ue-bench and the hand-written JNI row's
# library, then runs the probe on JDK 17 and JDK 25, the C loop alone before and after each.
#   perf/native-call-probe.sh [ROUNDS [SECONDS [WARMUP]]]        (after: mvn -B -ntp -o -pl perf -am package)
#   PROFILE=1 perf/native-call-probe.sh ...   also: perf record of JNA's labs row on JDK 17 (where JNA's own time goes
#                                             by library: libffi/jnidispatch, libjvm, libc, JIT code)
# Output goes to stdout; perf/results/native-call-probe.txt is one such run. Load matters on a shared machine:
# read the paired ratios (same round), not absolute ns.
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-9} seconds=${2:-0.5} warmup=${3:-2}
jdk17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -f target/classpath.txt ] || { echo "build first: mvn -B -ntp -o -pl perf -am package -DskipTests" >&2; exit 1; }
mkdir -p target
gcc -O2 -o target/ue-bench ue-bench.c
gcc -O2 -shared -fPIC -I"$jdk17/include" -I"$jdk17/include/linux" \
    -o target/libnativecallprobe.so native-call-probe-jni.c
cp="target/classes:$(cat target/classpath.txt)"
c_alone() { echo "# C loop alone: $(target/ue-bench writev /dev/null 1) (load $(cut -d' ' -f1-3 /proc/loadavg))"; }
probe() {
  local java=$1; shift
  "$java" "$@" -Xms256m -Xmx256m -cp "$cp" -Dprobe.cbench="$PWD/target/ue-bench" \
      -Dprobe.jni="$PWD/target/libnativecallprobe.so" \
      dev.userevents.perf.nativecall.NativeCallProbe "$rounds" "$seconds" "$warmup"
}
echo "# $(date -u +%FT%TZ) $(uname -r), $(nproc) cpus, uptime:$(uptime | sed 's/.*up/ up/')"
c_alone
echo "## JDK 17"
probe "$jdk17/bin/java"
c_alone
echo "## JDK 25"
probe "$jdk25/bin/java" --enable-native-access=ALL-UNNAMED
c_alone
if [ "${PROFILE:-0}" = 1 ]; then
  echo "## perf record, JDK 17, row 0A (JNA direct labs): samples by library, then the top symbols"
  data=$(mktemp)
  perf record -q -o "$data" -F 2000 -- "$jdk17/bin/java" -Djna.tmpdir="$PWD/target/jna-profile" -cp "$cp" \
      -Dprobe.only=0A dev.userevents.perf.nativecall.NativeCallProbe 4 0.5 2 > /dev/null
  perf report -i "$data" --sort dso --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -6
  perf report -i "$data" --sort dso,sym --stdio 2>/dev/null | grep -v '^#' | grep -E 'libjvm|libc' | head -6
  rm -f "$data"
fi
