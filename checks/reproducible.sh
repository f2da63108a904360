#!/usr/bin/env bash
# Reproducible builds: two clean builds of the published artifacts (in two copies of the tree, at different times)
# must give byte-identical jars.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for copy in a b; do
  mkdir -p "$work/$copy"
  git ls-files -z | xargs -0 cp --parents -t "$work/$copy"
  (cd "$work/$copy" && mvn -B -q -o package -DskipTests -pl native,slf4j-provider,log4j-appender,logback-appender,jul-bridge,bom >/dev/null)
  sleep 2 # a build that stamped the clock would differ
done
status=0
count=0
while IFS= read -r jar; do
  count=$((count + 1))
  if ! cmp -s "$work/a/$jar" "$work/b/$jar"; then
    echo "checks/reproducible: $jar differs between two clean builds" >&2
    status=1
  fi
done < <(cd "$work/a" && find . -path '*/target/*.jar' | sort)
[ "$count" -gt 0 ] || { echo "checks/reproducible: no jar was built" >&2; exit 1; }
[ "$status" = 0 ] && echo "checks/reproducible: $count jars byte-identical across two clean builds"
exit "$status"
