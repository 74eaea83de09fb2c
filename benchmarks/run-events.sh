#!/usr/bin/env bash
# Issue 14's event benchmark (as root): starts a private libvirtd and measures lifecycle events
# per second and their mean latency (call start to callback) for libvirt's C client
# (src/main/c/event_baseline.c, built with gcc against libvirt-dev) and the jna, jni and remote
# backends, one process each, over the daemon's unix socket; prints the median of the rounds and
# each backend's ratios to C, with the load average around each client.
# Arguments: [warm-up seconds] [seconds per round] [rounds] [clients], default 5 3 3 "c jna jni remote".
# EVENT_BENCH_NO_BUILD=1 reuses the jar; EVENT_BENCH_JAVA_OPTS passes JVM options to the backends' JVMs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -z "${EVENT_BENCH_NO_BUILD:-}" ]]; then
    # package in the reactor, never install: ~/.m2 is shared
    mvn -B -o -q -pl benchmarks -am package -DskipTests
fi
uptime
java -cp benchmarks/target/benchmarks.jar org.libvirt4j.benchmarks.EventBenchmarkRunner "$@"
uptime
