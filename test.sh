#!/usr/bin/env bash
# Runs every test: host unit tests, then the real-kernel tests of each module inside the vm/ test VM.
# On a fresh Debian machine with JDK 17 and Maven it installs what is missing (qemu) first. The kernel is
# $USEREVENTS_KERNEL, else one built by vm/build-kernel from Debian's linux-source (cached in vm/build/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./vm/setup
exec mvn -B -ntp verify "$@"
