#!/usr/bin/env bash
# The demo: installs what is missing (libvirt, QEMU, the build), then runs the demo CLI on
# libvirt's built-in test driver. Run as root on Debian 12.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-test-env.sh
mvn -B -q -DskipTests -pl cli -am install
cli=(java -jar cli/target/libvirt4j-cli.jar -c test:///default)
"${cli[@]}" backends
echo
"${cli[@]}" list --all
echo
"${cli[@]}" dominfo test
echo
"${cli[@]}" domstats test
