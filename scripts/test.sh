#!/usr/bin/env bash
# Every test: installs what is missing (libvirt, QEMU, users, qemu.conf), then builds and runs
# all modules' tests, the TCK on every backend included. Run as root on Debian 12.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-test-env.sh
mvn -B verify "$@"
