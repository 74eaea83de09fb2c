#!/usr/bin/env bash
# Issue 3's speed check (as root): starts a private libvirtd and measures getInfo round trips
# per second with 1 and 32 threads sharing one connection, for the remote backend, for
# libvirt's C client through the JNA backend, and for a plain C loop, with the daemon's CPU share.
# Arguments: [warm-up iterations] [iterations] [seconds per iteration], default 2 3 2.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# package, never install: other work in this repository builds against the installed artifacts
mvn -B -o -q -pl benchmarks -am package -Dmaven.test.skip=true
java -cp benchmarks/target/benchmarks.jar org.libvirt4j.benchmarks.RemoteBenchmarkRunner "$@"
