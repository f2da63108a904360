#!/usr/bin/env bash
# Runs every test: host unit tests, then the real-kernel tests of each module inside the vm/ test VM.
# On a fresh Debian machine with JDK 17 and Maven it installs what is missing (qemu) first. The kernel is
# $USEREVENTS_KERNEL, else one built by vm/build-kernel from Debian's linux-source (cached in vm/build/).
# USEREVENTS_EXTRA_JDK=/path/to/jdk (for example a JDK 25) runs the real-kernel tests once more on that JDK.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
phase() { echo "test.sh: $1 ($(( SECONDS / 60 ))m$(( SECONDS % 60 ))s)"; }
./vm/setup
phase "mvn verify: host tests, then each module's real-kernel tests on $(java -version 2>&1 | head -n 1)"
mvn -B -ntp verify "$@"
# Build checks: Maven's skip flags skip the VM too (it rebuilds native/target, so it runs first, alone); two clean
# builds give byte-identical jars; the core exports only its API and SPI packages, nothing outside reaching in; its
# package arrows point one way, with no cycle anywhere. Those three read copies and built classes only, so they run
# on the second core while the VM (single-threaded TCG) runs the extra JDK's kernel tests; their output follows
# when both end.
phase "build checks"
./checks/skip-flags.sh
checks_log=$(mktemp)
trap 'rm -f "$checks_log"' EXIT
( ./checks/reproducible.sh && ./checks/exports.sh && ./checks/packages.sh ) > "$checks_log" 2>&1 &
checks=$!
kernel_status=0
if [ -n "${USEREVENTS_EXTRA_JDK:-}" ]; then
  if [ ! -x "$USEREVENTS_EXTRA_JDK/bin/java" ]; then
    echo "test.sh: USEREVENTS_EXTRA_JDK=$USEREVENTS_EXTRA_JDK has no bin/java" >&2
    kernel_status=1
  else
    for enabled in */src/test/kernel-tests.enabled; do
      module=${enabled%%/*}
      phase "the real-kernel tests of $module again, on $("$USEREVENTS_EXTRA_JDK/bin/java" -version 2>&1 | head -n 1)"
      vm/run-kernel-tests "$module/target" "$USEREVENTS_EXTRA_JDK" || { kernel_status=$?; break; }
    done
  fi
fi
checks_status=0
wait "$checks" || checks_status=$?
cat "$checks_log"
[ "$checks_status" = 0 ] || echo "test.sh: the build checks FAILED (exit $checks_status)" >&2
[ "$kernel_status" = 0 ] || echo "test.sh: the extra JDK's real-kernel tests FAILED (exit $kernel_status)" >&2
phase "done"
[ "$checks_status" = 0 ] && [ "$kernel_status" = 0 ]
