#!/usr/bin/env bash
# Reliability soak (as root; not part of the build or CI): for each backend, THREADS threads mix
# calls, lifecycle events and screenshot streams against a private libvirtd's test driver for
# MINUTES minutes, sampling heap, direct memory, threads, fds and RSS into
# benchmarks/target/soak/soak-BACKEND.csv, and print a summary per backend (org.libvirt4j.benchmarks.Soak).
# Exits non-zero when any backend had an unexpected error or grew faster than its threshold.
# Usage: ./benchmarks/soak.sh [minutes=30] [threads=32] [backends="jna jni remote"]
# Environment: SOAK_JAVA_OPTS (extra JVM options, e.g. -Dsoak.warmup=60 -Dsoak.sample=5),
# SOAK_NO_BUILD=1 to reuse benchmarks/target/benchmarks.jar.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
minutes=${1:-30}
threads=${2:-32}
backends=${3:-jna jni remote}
if [[ -z "${SOAK_NO_BUILD:-}" ]]; then
    mvn -B -q -o -pl benchmarks -am package -Dmaven.test.skip=true
fi
mkdir -p benchmarks/target/soak
status=0
for b in $backends; do
    # One JVM per backend, so each one's heap, threads, fds and RSS are its own.
    # shellcheck disable=SC2086
    java -Xmx512m ${SOAK_JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar org.libvirt4j.benchmarks.Soak \
        "$b" "$minutes" "$threads" 2>&1 | tee "benchmarks/target/soak/soak-$b.log" || status=1
done
exit $status
