#!/usr/bin/env bash
# Runs every test: host unit tests, then the real-kernel tests of every module inside the vm/ test VM (one VM boot
# per JDK, each module in its own JVM there), with the build checks running beside the VM.
# On a fresh Debian machine with JDK 17 and Maven it installs what is missing (qemu) first. The kernel is
# $USEREVENTS_KERNEL, else one built by vm/build-kernel from Debian's linux-source (cached in vm/build/).
# USEREVENTS_EXTRA_JDK=/path/to/jdk (for example a JDK 25) runs the real-kernel tests once more on that JDK.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
phase() { echo "test.sh: $1 ($(( SECONDS / 60 ))m$(( SECONDS % 60 ))s)"; }
./vm/setup
# The VM runs below, for every module at once: `mvn verify` alone runs it per module.
phase "mvn verify: host tests and packaging on $(java -version 2>&1 | head -n 1)"
mvn -B -ntp verify -Dkernel.tests.skip=true "$@"
targets=()
for enabled in */src/test/kernel-tests.enabled; do
  targets+=("${enabled%%/*}/target")
done
# Build checks: Maven's skip flags skip the VM, two clean builds give byte-identical jars, and the core exports
# only its API and SPI packages, nothing outside reaching in, and its package arrows point one way, with no cycle
# anywhere. They build in copies and read jars and classes only, so they run
# on the second core while the VM (single-threaded TCG) runs the kernel tests; their output follows when both end.
phase "build checks, beside the VM"
checks_log=$(mktemp)
trap 'rm -f "$checks_log"' EXIT
# At the lowest priority: QEMU's TCG thread needs a whole core; with these builds (and others) beside it at equal
# priority the first module's kernel tests ran 5x slower (a clean-clone run on a busy machine, 2026-12-02).
( nice -n 19 bash -c './checks/skip-flags.sh && ./checks/reproducible.sh && ./checks/exports.sh && ./checks/packages.sh' ) > "$checks_log" 2>&1 &
checks=$!
kernel_status=0
phase "the real-kernel tests of ${targets[*]%/target} on $(java -version 2>&1 | head -n 1)"
vm/run-kernel-tests "${targets[@]}" || kernel_status=$?
if [ -n "${USEREVENTS_EXTRA_JDK:-}" ]; then
  if [ ! -x "$USEREVENTS_EXTRA_JDK/bin/java" ]; then
    echo "test.sh: USEREVENTS_EXTRA_JDK=$USEREVENTS_EXTRA_JDK has no bin/java" >&2
    kernel_status=1
  else
    phase "the real-kernel tests again, on $("$USEREVENTS_EXTRA_JDK/bin/java" -version 2>&1 | head -n 1)"
    extra_status=0
    vm/run-kernel-tests "${targets[@]}" "$USEREVENTS_EXTRA_JDK" || extra_status=$?
    [ "$kernel_status" != 0 ] || kernel_status=$extra_status
  fi
fi
phase "waiting for the build checks"
checks_status=0
wait "$checks" || checks_status=$?
cat "$checks_log"
[ "$checks_status" = 0 ] || echo "test.sh: the build checks FAILED (exit $checks_status)" >&2
[ "$kernel_status" = 0 ] || echo "test.sh: the real-kernel tests FAILED (exit $kernel_status)" >&2
phase "done"
[ "$checks_status" = 0 ] && [ "$kernel_status" = 0 ]
