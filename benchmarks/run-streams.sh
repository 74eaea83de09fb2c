#!/usr/bin/env bash
# Issue 13's stream benchmark (as root): starts a private libvirtd, makes a dir pool in a temp dir
# and measures volume upload and download speed (MiB/s) through its storage driver for libvirt's
# C client (src/main/c/stream_baseline.c) and the jni, jna and remote backends, one process each,
# over the daemon's unix socket; prints the median of the rounds and each client's ratio to C,
# with the load average around it. A client BACKEND:direct sends and receives through a direct
# ByteBuffer, BACKEND:heap through a heap ByteBuffer.
# Arguments: [size MiB] [chunk KiB] [warm-up rounds] [rounds] [clients], default 256 256 2 3 "c jni jna remote".
# STREAM_BENCH_NO_BUILD=1 (or run-all.sh's NO_BUILD=1) reuses the jar; STREAM_BENCH_JAVA_OPTS passes JVM options to the backends' JVMs
# (e.g. -XX:StartFlightRecording=filename=/tmp/up.jfr,settings=profile).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -z "${STREAM_BENCH_NO_BUILD:-}${NO_BUILD:-}" ]]; then
    # package in the reactor, never install: ~/.m2 is shared
    mvn -B -o -q -pl benchmarks -am package -DskipTests
fi
uptime
java -cp benchmarks/target/benchmarks.jar org.libvirt4j.benchmarks.StreamBenchmarkRunner "$@"
uptime
