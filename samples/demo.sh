#!/usr/bin/env bash
# The demo: a sample app logs through SLF4J; from outside the process we enable INFO and above for its logger,
# watch the captured lines, then enable DEBUG at run time and watch DEBUG lines appear without a restart.
# Builds what it needs; when this kernel lacks user_events it boots the project's test VM (vm/) for it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
echo "demo: building the samples and the userevents tool"
mvn -B -q -ntp package -DskipTests -Dkernel.tests.skip=true -pl samples -am
if [ -w /sys/kernel/tracing/user_events_data ]; then
  exec bash "$root/samples/demo-steps.sh"
fi
echo "demo: this kernel ($(uname -r)) has no usable user_events here; running the demo in the test VM (vm/)"
"$root/vm/setup"
exec "$root/vm/run" -- bash "$root/samples/demo-steps.sh"
