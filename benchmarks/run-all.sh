#!/usr/bin/env bash
# Issue 13's benchmark suite in one run (as root: it starts a private libvirtd): libvirt's C
# client, jni, jna and remote side by side, printing the issue's table with ratios to C, CPU
# per call and load averages (SuiteRunner):
#   in process on test:///default: getInfo, lookupByName + close, getXMLDesc;
#   through the daemon's test driver over unix and TCP: getInfo with 1 and 32 threads sharing
#   one connection, getXMLDesc;
#   cold start: process start -> first answered getInfo, and -> first 10,000 calls.
# Arguments: [warm-up iterations=2] [iterations=3] [seconds per iteration=2] [cold-start runs=3].
# STREAMS=0 leaves out the stream rows, which come from benchmarks/run-streams.sh when present.
# NO_BUILD=1 reuses the last build. BENCH_JAVA_OPTS passes options to the runner's JVM, e.g.
# -Djmh.ignoreLock=true when another JMH run holds /tmp/jmh.lock (its numbers then share the CPUs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ "${NO_BUILD:-0}" != 1 ]]; then
    # package, never install: other work in this repository builds against the installed artifacts
    mvn -B -o -q -pl benchmarks -am package -Dmaven.test.skip=true
    mvn -B -o -q -pl backend-jni,backend-jna,backend-remote dependency:build-classpath \
        -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime.cp
fi

# Cold start runs each backend on its own jars only, as an application would (the shaded
# benchmarks jar holds all three, whose providers ServiceLoader would load): the module's jar,
# the API's and its third-party runtime dependencies, without the TCK the modules' tests use.
props=()
for backend in jni jna remote; do
    deps=$(tr ':' '\n' < "backend-$backend/target/runtime.cp" \
        | grep -Ev '/(org/libvirt4j|org/junit|org/opentest4j|org/apiguardian|org/assertj|net/bytebuddy|com/tngtech|com/google/auto)/' \
        | paste -sd: -)
    cp="$(ls api/target/libvirt4j-api-*.jar | head -1):$(ls backend-$backend/target/libvirt4j-backend-$backend-*.jar | grep -v sources | head -1)"
    props+=("-Dlibvirt4j.bench.cp.$backend=$cp${deps:+:$deps}:$(ls benchmarks/target/libvirt4j-benchmarks-*.jar | head -1)")
done

# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
java "${props[@]}" ${BENCH_JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar org.libvirt4j.benchmarks.SuiteRunner "$@"

# The stream rows (upload and download through each backend) have a runner of their own.
if [[ "${STREAMS:-1}" != 0 && -x benchmarks/run-streams.sh ]]; then
    NO_BUILD=1 benchmarks/run-streams.sh
fi
