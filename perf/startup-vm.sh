#!/usr/bin/env bash
# Host: perf/startup-probe.sh in one test-VM boot, each of its "mark" lines (an app's launch, its "Started" line)
# followed by the QEMU process's CPU seconds and the host's load. Under TCG the guest's clock runs at the host's
# pace, which follows the load other work puts on the machine; the emulator's CPU time between two marks leaves out
# the time QEMU waited for a host CPU (it still moved by up to 1.6x between runs of one configuration in a loaded hour).
#   perf/startup-vm.sh JAVA_HOME [RUNS] > perf/results/startup-jdkN.txt
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$(mktemp -d)
echo "host: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: perf/startup-vm.sh $*"
qemu=""
set +e
"$here/../vm/run" --out "$out" --timeout 2700 -- bash "$here/startup-probe.sh" "$@" 2>&1 | while IFS= read -r line; do
  line=${line%$'\r'} # the guest's console ends its lines with CR LF
  case "$line" in
    "mark "*)
      # The out share's path is this boot's alone: it names our QEMU among others' (read only, never signalled).
      [ -n "$qemu" ] || qemu=$(pgrep -f "^[^ ]*qemu-system-x86_64 .*id=out,path=$out,")
      echo "$line host_cpu_s $(awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$qemu/stat") host_load $(cut -d' ' -f1 /proc/loadavg)" ;;
    *) echo "$line" ;;
  esac
done
status=${PIPESTATUS[0]}
set -e
echo "host: load after: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%MZ), vm/run exit $status"
rm -rf "$out"
exit "$status"
