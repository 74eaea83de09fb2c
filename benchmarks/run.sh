#!/usr/bin/env bash
# Builds the backends, the JMH jar and the C baseline, runs them on test:///default in process,
# single-threaded, and prints the time per call of each backend and its ratio to the C loop.
#
# Short by default (the build machine is shared); override with WI (warm-up iterations),
# I (measured iterations), F (forks), T (seconds per iteration), e.g. WI=5 I=10 T=2 ./run.sh
# The C baseline runs before and after JMH and its two results are averaged, so that a change
# in machine load during the run shifts both sides alike.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

WI=${WI:-2}
I=${I:-3}
F=${F:-1}
T=${T:-1}
out=benchmarks/target/results
mvn -q -pl benchmarks -am install -Dmaven.test.skip=true
mkdir -p "$out"

echo "C baseline (1/2)..." >&2
benchmarks/target/baseline 1 "$I" "$T" > "$out/c-before.txt"
java -jar benchmarks/target/benchmarks.jar BackendBenchmark -wi "$WI" -i "$I" -f "$F" \
    -w "${T}s" -r "${T}s" -rf json -rff "$out/jmh.json" >&2
echo "C baseline (2/2)..." >&2
benchmarks/target/baseline 1 "$I" "$T" > "$out/c-after.txt"

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
c = {}
for f in ("c-before.txt", "c-after.txt"):
    for line in open(f"{out}/{f}"):
        name, ns = line.split()
        c.setdefault(name, []).append(float(ns))
c = {k: sum(v) / len(v) for k, v in c.items()}
jmh = {}
for r in json.load(open(f"{out}/jmh.json")):
    name = r["benchmark"].rsplit(".", 1)[1]
    jmh[(name, r["params"]["backend"])] = r["primaryMetric"]["score"]
order = ["getInfo", "lookupByNameClose", "getXMLDesc", "listAllDomains"]
print(f"{'benchmark':<20}{'C ns/op':>14}{'JNI ns/op':>14}{'JNI/C':>8}{'JNA ns/op':>14}{'JNA/C':>8}")
for b in order:
    cn, jni, jna = c.get(b), jmh.get((b, "jni")), jmh.get((b, "jna"))
    fmt = lambda v: f"{v:14.0f}" if v is not None else f"{'-':>14}"
    ratio = lambda v: f"{v / cn:8.2f}" if v is not None and cn else f"{'-':>8}"
    print(f"{b:<20}{fmt(cn)}{fmt(jni)}{ratio(jni)}{fmt(jna)}{ratio(jna)}")
PY
