#!/usr/bin/env bash
# Runs every test: the real-kernel tests of every module inside the vm/ test VM (one VM boot per JDK, each module in
# its own JVM there), with the host unit tests and then the build checks running beside the VM.
# On a fresh Debian machine with JDK 17 and Maven it installs what is missing (qemu) first. The kernel is
# $USEREVENTS_KERNEL, else one built by vm/build-kernel from Debian's linux-source (cached in vm/build/).
# USEREVENTS_EXTRA_JDK=/path/to/jdk (for example a JDK 25) runs the real-kernel tests once more on that JDK.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
phase() { echo "test.sh: $1 ($(( SECONDS / 60 ))m$(( SECONDS % 60 ))s)"; }
./vm/setup
# The jars first, so the VM boots sooner; the host tests run beside it (below). The VM runs for every module at
# once: `mvn verify` alone runs it per module.
phase "mvn verify without the tests: compile, style, jars on $(java -version 2>&1 | head -n 1)"
mvn -B -ntp verify -Dkernel.tests.skip=true -DskipTests "$@"
targets=()
for enabled in */src/test/kernel-tests.enabled; do
  targets+=("${enabled%%/*}/target")
done
# Build checks: Maven's skip flags skip the VM, two clean builds give byte-identical jars, and the core exports
# only its API and SPI packages, nothing outside reaching in, and its package arrows point one way, with no cycle
# anywhere. They build in copies and read jars and classes only, so they run
# on the second core while the VM (single-threaded TCG) runs the kernel tests; their output follows when both end.
phase "host tests, then the build checks, beside the VM"
host_log=$(mktemp)
checks_log=$(mktemp)
# At the lowest priority: QEMU's TCG thread needs a whole core; with these builds (and others) beside it at equal
# priority the first module's kernel tests ran 5x slower (a clean-clone run on a busy machine, 2026-12-02).
# The host tests build in a copy of the tree (targets and the kernel build left out), so the jars and classes the
# VM is reading stay as they are. Exit status: 1 the host tests failed, 2 the checks, 3 both.
host_copy=$(mktemp -d)
trap 'rm -rf "$host_log" "$checks_log" "$host_copy"' EXIT
tar --exclude=./vm/build --exclude='./*/target' --exclude=./.git -cf - . | tar -xf - -C "$host_copy"
(
  status=0
  (cd "$host_copy" && nice -n 19 mvn -B -ntp verify -Dkernel.tests.skip=true "$@") > "$host_log" 2>&1 || status=1
  nice -n 19 bash -c './checks/skip-flags.sh && ./checks/reproducible.sh && ./checks/exports.sh && ./checks/packages.sh && ./checks/kernel-test-names.sh' \
    > "$checks_log" 2>&1 || status=$(( status + 2 ))
  exit "$status"
) &
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
phase "waiting for the host tests and the build checks"
checks_status=0
wait "$checks" || checks_status=$?
grep -E '^\[(INFO|ERROR)\] (Tests run:|BUILD)' "$host_log" | grep -v ' -- in ' || true
cat "$checks_log"
if [ $(( checks_status & 1 )) != 0 ]; then
  cat "$host_log"
  echo "test.sh: the host tests FAILED (their whole log above)" >&2
fi
[ $(( checks_status & 2 )) = 0 ] || echo "test.sh: the build checks FAILED" >&2
[ "$kernel_status" = 0 ] || echo "test.sh: the real-kernel tests FAILED (exit $kernel_status)" >&2
phase "done"
[ "$checks_status" = 0 ] && [ "$kernel_status" = 0 ]
