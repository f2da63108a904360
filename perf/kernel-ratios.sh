#!/usr/bin/env bash
# Inside the test VM (root, user_events): the C and the Java halves back to back, in one boot.
#   kernel-ratios.sh UE_BENCH JAVA CLASSPATH [JVM FLAGS]
set -euo pipefail
ue_bench=$1 java=$2 cp=$3 flags=${4:-}
echo 20480 > /sys/kernel/tracing/buffer_size_kb 2>/dev/null || true
# shellcheck disable=SC2086
run_java() { "$java" $flags -Djna.tmpdir=/tmp -cp "$cp" dev.userevents.perf.KernelRatios "$@"; }
# Java: one-second rounds until the rate stops rising (KernelRatios); C: the same total time, best of its run.
for round in 1 2; do
  "$ue_bench" writev /sys/kernel/tracing/user_events_data 5
  run_java drain 1
  echo > /sys/kernel/tracing/trace
  run_java sync 1
  echo > /sys/kernel/tracing/trace
done
# Registration: the C loop in every round beside one call per logger and one batch (a sweep), see RegistrationProbe.
# 14 rounds, so the late-rounds median is over 7: with 8 rounds two slow rounds of four set it (2026-12-03, JDK 17,
# same build, separate boots: 2.20x and 1.27x over 8 rounds, 1.16x over 14; the slow rounds came and went).
# shellcheck disable=SC2086
"$java" $flags -Djna.tmpdir=/tmp -cp "$cp" dev.userevents.testing.RegistrationProbe 300 14 "$ue_bench" c,core,c,coreBatch
