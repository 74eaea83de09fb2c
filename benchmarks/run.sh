#!/usr/bin/env bash
# Builds the backends, the JMH jar and the C baseline, runs them on test:///default in process,
# single-threaded, and prints the time per call of each backend and its ratio to the C loop
# (BackendBenchmarkRunner). Short by default (the build machine is shared); override with WI
# (warm-up iterations), I (measured iterations), F (forks), T (seconds per iteration), e.g.
# WI=5 I=10 T=2 ./benchmarks/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# package, never install: other work in this repository builds against the installed artifacts
mvn -B -o -q -pl benchmarks -am package -Dmaven.test.skip=true
java -cp benchmarks/target/benchmarks.jar org.libvirt4j.benchmarks.BackendBenchmarkRunner \
    "${WI:-2}" "${I:-3}" "${F:-1}" "${T:-1}"
