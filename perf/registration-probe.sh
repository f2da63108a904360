#!/usr/bin/env bash
# Inside the test VM: where registration's time goes (RegistrationProbe's rows, the C loop run in each round), and a
# fresh JVM's first 1 000 loggers beside the C loop's, one boot.
#   registration-probe.sh UE_BENCH JAVA CLASSPATH COUNT ROUNDS [JVM FLAGS]
set -euo pipefail
ue_bench=$1 java=$2 cp=$3 count=$4 rounds=$5 flags=${6:-}
# shellcheck disable=SC2086
probe() { "$java" $flags -Djna.tmpdir=/tmp -cp "$cp" dev.userevents.testing.RegistrationProbe "$@"; }
# The kernel deletes a closed file's events in a kworker afterwards: each run starts once the previous run's are gone.
settle() { while grep -q '^ue_' /sys/kernel/tracing/user_events_status; do sleep 0.05; done; }
probe "$count" "$rounds" "$ue_bench"
for round in 1 2; do
  settle
  "$ue_bench" register 1000 "ue_startup_c$round" | sed 's/^/startup /'
  probe startup each 1000
  probe startup batch 1000
done
