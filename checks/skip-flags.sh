#!/usr/bin/env bash
# Proves that Maven's usual skip flags skip the real-kernel tests: no VM boot, no kernel build. vm.dir points at
# stubs of vm/run-kernel-tests and vm/kernel that only leave a mark. A control run without a flag must leave one
# (so this check can fail); -DskipTests, -Dmaven.test.skip=true and -DskipITs must not.
# It builds in a copy of the tree, so it can run while the VM reads this tree's jars (test.sh runs it beside the VM).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
stub=$(mktemp -d)
trap 'rm -rf "$stub"' EXIT
mkdir -p "$stub/tree"
git ls-files -z | xargs -0 cp --parents -t "$stub/tree"
cd "$stub/tree"
for script in run-kernel-tests kernel; do
  printf '#!/usr/bin/env bash\necho "%s $*" >> %s/called\n' "$script" "$stub" > "$stub/$script"
  chmod +x "$stub/$script"
done
run() {
  rm -f "$stub/called"
  env -u USEREVENTS_KERNEL mvn -B -q -o verify -pl native -Dvm.dir="$stub" -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false "$@" >/dev/null
}
run
[ -s "$stub/called" ] || { echo "checks/skip-flags: the control run did not reach the kernel-test stub" >&2; exit 1; }
for flag in -DskipTests -Dmaven.test.skip=true -DskipITs; do
  run "$flag"
  if [ -e "$stub/called" ]; then
    echo "checks/skip-flags: $flag still ran: $(cat "$stub/called")" >&2
    exit 1
  fi
  echo "checks/skip-flags: $flag skips the real-kernel tests"
done
