#!/bin/sh
# The operator's scenario against the sample, inside the project's test VM (not CI: Boot starts in minutes under
# TCG). From the project root, after `mvn install -DskipTests` and `mvn -f samples-spring-boot package`:
#   vm/run -- sh samples-spring-boot/vm-scenario.sh [JAVA_HOME]
# Starts the executable jar, enables 'com.example.*' DEBUG and 'org.springframework.*' INFO with --follow, sends four
# requests (the second loads a class whose static final Logger logs at once), stops the app with SIGTERM, then
# prints what ftrace captured and the app's console.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
java_home=${1:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
tracing=/sys/kernel/tracing
ip link set lo up
echo 0 > "$tracing/tracing_on"; echo > "$tracing/trace"; echo 4096 > "$tracing/buffer_size_kb"; echo 1 > "$tracing/tracing_on"
started=$(date +%s)
"$java_home/bin/java" -XX:TieredStopAtLevel=1 -Djna.tmpdir=/tmp -jar "$root/samples-spring-boot/target/orders.jar" > /tmp/app.log 2>&1 &
app=$!
until grep -q 'Started OrdersApplication' /tmp/app.log; do
  sleep 1
  [ $(( $(date +%s) - started )) -lt 900 ] || { echo "scenario: the app did not start"; cat /tmp/app.log; exit 1; }
done
echo "scenario: started in $(( $(date +%s) - started )) s"
PATH="$java_home/bin:$PATH" "$root/bin/userevents" enable --follow 'com.example.*' DEBUG > /tmp/follow1.log 2>&1 &
f1=$!
PATH="$java_home/bin:$PATH" "$root/bin/userevents" enable --follow 'org.springframework.*' INFO > /tmp/follow2.log 2>&1 &
f2=$!
until [ "$(cat "$tracing/events/user_events/com_example_orders_OrdersApplication_DEBUG/enable" 2>/dev/null)" = 1 ] \
    && [ "$(cat "$tracing/events/user_events/org_springframework_boot_SpringApplication_INFO/enable" 2>/dev/null)" = 1 ]; do
  sleep 1
  [ $(( $(date +%s) - started )) -lt 1200 ] || { echo "scenario: follow did not enable"; cat /tmp/follow1.log; exit 1; }
done
echo "scenario: both follows are on; requests:"
for path in orders/7 refunds/7 orders/8 refunds/8; do curl -s "http://localhost:8080/$path"; done
sleep 3
kill -TERM "$app"; wait "$app"
sleep 1
kill "$f1" "$f2" 2>/dev/null; wait "$f1" "$f2" 2>/dev/null
echo "scenario: captured by ftrace:"
grep -E 'com_example|org_springframework' "$tracing/trace" | sed 's/^.*: \(com_example\|org_springframework\)/\1/'
echo "scenario: the app's console (DEBUG lines must not be there):"
grep -E 'DEBUG|INFO|WARN' /tmp/app.log | tail -n 20
