#!/usr/bin/env bash
# The demo's steps, on a kernel with user_events, as a user who may write tracefs (see README: non-root use).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
userevents=("$root/bin/userevents")
logger='dev.userevents.samples.Orders'

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "1. start the SLF4J sample: it logs at every level, all off until traced"
java -XX:TieredStopAtLevel=1 -jar samples/target/userevents-samples.jar 90 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  "${userevents[@]}" list "$logger" >/dev/null 2>&1 && break
  sleep 0.5
done

step "2. userevents list '$logger'   (registered the moment the logger was created; * = enabled)"
"${userevents[@]}" list "$logger"

step "3. userevents enable '$logger' INFO   (INFO and more severe, from outside the process)"
"${userevents[@]}" enable "$logger" INFO
step "   captured lines (userevents tail, 10 s):"
timeout 10 "${userevents[@]}" tail "$logger" || true

step "4. userevents enable '$logger' DEBUG   (at run time: DEBUG lines appear, no restart)"
"${userevents[@]}" enable "$logger" DEBUG
timeout 10 "${userevents[@]}" tail "$logger" || true

step "5. userevents disable '$logger'"
"${userevents[@]}" disable "$logger"
"${userevents[@]}" list "$logger"
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
echo "demo: done"
