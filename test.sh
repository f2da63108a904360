#!/usr/bin/env bash
# Runs every test: host unit tests, then the real-kernel tests of each module inside the vm/ test VM.
# On a fresh Debian machine with JDK 17 and Maven it installs what is missing (qemu) first. The kernel is
# $USEREVENTS_KERNEL, else one built by vm/build-kernel from Debian's linux-source (cached in vm/build/).
# USEREVENTS_EXTRA_JDK=/path/to/jdk (for example a JDK 25) runs the real-kernel tests once more on that JDK.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./vm/setup
mvn -B -ntp verify "$@"
# Build checks: Maven's skip flags skip the VM too; two clean builds give byte-identical jars; the core exports
# only its API and SPI packages, and nothing outside it reaches in.
./checks/skip-flags.sh
./checks/reproducible.sh
./checks/exports.sh
if [ -n "${USEREVENTS_EXTRA_JDK:-}" ]; then
  [ -x "$USEREVENTS_EXTRA_JDK/bin/java" ] || { echo "test.sh: USEREVENTS_EXTRA_JDK=$USEREVENTS_EXTRA_JDK has no bin/java" >&2; exit 1; }
  for enabled in */src/test/kernel-tests.enabled; do
    module=${enabled%%/*}
    echo "test.sh: the real-kernel tests of $module again, on $("$USEREVENTS_EXTRA_JDK/bin/java" -version 2>&1 | head -n 1)"
    vm/run-kernel-tests "$module/target" "$USEREVENTS_EXTRA_JDK"
  done
fi
