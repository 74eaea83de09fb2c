#!/usr/bin/env bash
# The scale check (as root): one JVM holds 1,000 remote connections to a private libvirtd (its
# max_clients raised) on a 2-thread EventLoopGroup given through RemoteOptions.EVENT_LOOP_GROUP;
# prints the heap per idle connection from two class histograms and getInfo latency through
# connection #1 and #1000 against a lone connection.
# Arguments: [connections] [calls per round] [rounds], default 1000 2000 5.
# Builds with the reactor (package, never install) and needs `ulimit -n` above the connection count.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
need=$(( ${1:-1000} + 200 ))
if [ "$(ulimit -n)" -lt "$need" ]; then
    ulimit -n "$need"
fi
mvn -B -o -q -pl benchmarks -am package -Dmaven.test.skip=true
java -Xmx512m -cp benchmarks/target/benchmarks.jar org.libvirt4j.benchmarks.ScaleBenchmark "$@"
