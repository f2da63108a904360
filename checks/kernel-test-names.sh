#!/usr/bin/env bash
# vm/run-kernel-tests loads only classes named *KernelTest (JUnit's class name filter runs before a class loads, so
# the host tests' classes are never loaded in the VM), then selects the "kernel" tag among them. A kernel-tagged
# class under another name would silently not run: fail on it, naming the file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bad=$(grep -rl --include='*.java' '@Tag("kernel")' -- */src/test/java | grep -v 'KernelTest\.java$' || true)
if [ -n "$bad" ]; then
  echo "checks/kernel-test-names: tagged \"kernel\" but not named *KernelTest (vm/run-kernel-tests would not run them):" >&2
  echo "$bad" >&2
  exit 1
fi
echo "checks/kernel-test-names: every class tagged \"kernel\" is named *KernelTest ($(grep -rl --include='*.java' '@Tag("kernel")' -- */src/test/java | wc -l) classes)"
