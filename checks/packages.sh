#!/usr/bin/env bash
# Package arrows point one way (docs: README "Design"). The core's order, top to bottom:
#   dev.userevents.cli -> dev.userevents -> dev.userevents.kernel, dev.userevents.format -> dev.userevents.spi
# kernel and format are siblings: neither uses the other. Front ends, samples and benchmarks sit above the core and
# use only its exported packages (dev.userevents, dev.userevents.spi). jdeps reads the built bytecode, both the
# JDK 17 classes and the JDK 22 twins under META-INF/versions/22 (which a --release 17 source view never sees).
# Fails on an arrow that does not go strictly down the order (naming the classes), on a core package the order does
# not rank, on a front end reaching an internal package, and on any cycle (tsort); prints the package graph.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
fail() { echo "checks/packages: $*" >&2; exit 1; }

# A core package's rank: an arrow must go from a higher rank to a lower one. A new package must be given one here.
declare -A rank=([dev.userevents.cli]=3 [dev.userevents]=2 [dev.userevents.kernel]=1 [dev.userevents.format]=1
  [dev.userevents.spi]=0)
is_core() { [[ "$1" =~ ^dev\.userevents(\.(cli|kernel|format|spi))?$ ]]; }

jar=$(ls native/target/userevents-native-*.jar | grep -v -e '-sources' -e '-javadoc' -e '-tests' | head -n 1)
[ -f "$jar" ] || fail "no native jar; run mvn package first"
jna=$(find "${HOME}/.m2/repository/net/java/dev/jna/jna" -name 'jna-5.*.jar' | sort -V | tail -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Class arrows "from to" between dev.userevents classes, from jdeps -verbose:class output on stdin.
class_arrows() {
  awk '/^   / && $2 == "->" && $1 ~ /^([0-9]+\/)?dev\.userevents\./ && $3 ~ /^dev\.userevents\./ { print $1, $3 }'
}

# The core, as each JDK sees its multi-release jar.
for release in 17 22; do
  jdeps --module-path "$jna" --multi-release "$release" -verbose:class -filter:none "$jar" > "$work/core-$release.txt" \
    || fail "jdeps failed on $jar (release $release): $(cat "$work/core-$release.txt")"
  class_arrows < "$work/core-$release.txt" >> "$work/core-classes.txt"
done
grep -q '^   22/dev\.userevents\.kernel\.' "$work/core-22.txt" || fail "jdeps saw no META-INF/versions/22 class in $jar"

violations=()
while read -r from to; do
  p=${from##*/} # "22/a.b.C" -> "a.b"
  p=${p%.*}
  q=${to%.*}
  [ "$p" != "$q" ] || continue
  echo "$p $q" >> "$work/graph.txt"
  rp=${rank[$p]:-}
  rq=${rank[$q]:-}
  if [ -z "$rp" ] || [ -z "$rq" ]; then
    violations+=("$from -> $to: a core package without a rank in checks/packages.sh")
  elif [ "$rp" -le "$rq" ]; then
    violations+=("$from -> $to: $p does not sit above $q")
  fi
done < <(sort -u "$work/core-classes.txt")
grep -qx 'dev.userevents dev.userevents.kernel' "$work/graph.txt" || fail "jdeps found no arrow from the root to kernel"

# Front ends, samples and benchmarks: their target/classes, arrows into the core and among their own packages.
outside=(log4j-appender slf4j-provider logback-appender jul-bridge samples samples-logback perf)
for module in "${outside[@]}"; do
  classes="$module/target/classes"
  [ -d "$classes" ] || fail "no $classes; run mvn package first"
  # Without module-info.class jdeps reads them as plain classes and needs none of their libraries resolved.
  rm -rf "$work/m"
  mkdir -p "$work/m"
  (cd "$classes" && find . -name '*.class' ! -name module-info.class -exec cp --parents -t "$work/m" {} +)
  jdeps -verbose:class -filter:none "$work/m" > "$work/$module.txt" 2>&1 || fail "jdeps failed on $classes: $(cat "$work/$module.txt")"
  while read -r from to; do
    p=${from%.*}
    q=${to%.*}
    [ "$p" != "$q" ] || continue
    echo "$p $q" >> "$work/graph.txt"
    if is_core "$q" && [ "$q" != dev.userevents ] && [ "$q" != dev.userevents.spi ]; then
      violations+=("$module: $from -> $to: a front end uses an internal package of the core")
    fi
    if is_core "$p"; then
      violations+=("$module: $from is in a package of the core")
    fi
  done < <(class_arrows < "$work/$module.txt" | sort -u)
done

sort -u "$work/graph.txt" -o "$work/graph.txt"
echo "checks/packages: the package graph (from -> to)"
awk '{ printf "  %-34s -> %s\n", $1, $2 }' "$work/graph.txt"
if ! tsort "$work/graph.txt" > /dev/null 2> "$work/tsort.txt"; then
  violations+=("a cycle through: $(grep -v 'input contains a loop' "$work/tsort.txt" | sed 's/^tsort: //' | tr '\n' ' ')")
fi
if [ "${#violations[@]}" -gt 0 ]; then
  printf 'checks/packages: %s\n' "${violations[@]}" >&2
  fail "${#violations[@]} problem(s) with the order cli -> dev.userevents -> kernel, format -> spi"
fi
echo "checks/packages: every arrow points down (cli -> dev.userevents -> kernel, format -> spi), no cycle"
