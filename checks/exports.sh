#!/usr/bin/env bash
# The core's public API is what its module exports: dev.userevents (users and front ends) and dev.userevents.spi
# (front-end helpers and the device seam). dev.userevents.kernel, .format and .cli are internal. This check proves
#   1. the built jar's module descriptor exports exactly those two packages;
#   2. the module system enforces it: a module importing an internal class does not compile, and a control module
#      importing only exported ones does (so this check can fail);
#   3. no front end, sample or benchmark imports an internal package or declares a class in the core's packages
#      (a split package would reach package-private code).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
fail() { echo "checks/exports: $*" >&2; exit 1; }

jar=$(ls native/target/userevents-native-*.jar | grep -v -e '-sources' -e '-javadoc' -e '-tests' | head -n 1)
[ -f "$jar" ] || fail "no native jar; run mvn package first"
exports=$(jar --describe-module --file "$jar" --release 17 | awk '$1 == "exports" { print $2 }' | sort | tr '\n' ' ')
[ "$exports" = "dev.userevents dev.userevents.spi " ] || fail "$jar exports '$exports', expected 'dev.userevents dev.userevents.spi '"

jna=$(find "${HOME}/.m2/repository/net/java/dev/jna/jna" -name 'jna-5.*.jar' | sort -V | tail -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
compile_user() { # $1: name, $2: the import to try
  mkdir -p "$work/$1/src/user"
  printf 'module user { requires dev.userevents; }\n' > "$work/$1/src/module-info.java"
  printf 'package user;\nimport %s;\nclass Use { Class<?> c = %s.class; }\n' "$2" "${2##*.}" > "$work/$1/src/user/Use.java"
  javac --release 17 --module-path "$jar:$jna" -d "$work/$1/out" \
    "$work/$1/src/module-info.java" "$work/$1/src/user/Use.java" > "$work/$1/javac.txt" 2>&1
}
compile_user control dev.userevents.spi.EventDevice || fail "the control module did not compile: $(cat "$work/control/javac.txt")"
for internal in dev.userevents.kernel.KernelDevice dev.userevents.kernel.UserEventsAbi dev.userevents.format.EventHeaderFormat dev.userevents.cli.UserEventsCli; do
  if compile_user "probe" "$internal"; then
    fail "a module outside the core compiled against $internal"
  fi
  grep -q "is not visible\|does not export" "$work/probe/javac.txt" || fail "$internal failed for another reason: $(cat "$work/probe/javac.txt")"
  rm -rf "$work/probe"
done

outside=(log4j-appender/src slf4j-provider/src logback-appender/src jul-bridge/src samples/src samples-logback/src perf/src)
reaching=$(grep -rlE '^import (static )?dev\.userevents\.(kernel|format|cli)\.' --include=*.java "${outside[@]}" || true)
[ -z "$reaching" ] || fail "these import an internal package of the core: $reaching"
split=$(grep -rlE '^package dev\.userevents(\.(spi|kernel|format|cli))?;' --include=*.java "${outside[@]}" || true)
[ -z "$split" ] || fail "these declare classes in the core's packages: $split"
echo "checks/exports: the core exports dev.userevents and dev.userevents.spi only; nothing outside reaches in"
