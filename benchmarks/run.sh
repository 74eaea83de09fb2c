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
mean, best = {}, {}
for f in ("c-before.txt", "c-after.txt"):
    for line in open(f"{out}/{f}"):
        name, m, b = line.split()
        mean.setdefault(("c", name), []).append(float(m))
        best[("c", name)] = min(best.get(("c", name), float("inf")), float(b))
mean = {k: sum(v) / len(v) for k, v in mean.items()}
for r in json.load(open(f"{out}/jmh.json")):
    key = (r["params"]["backend"], r["benchmark"].rsplit(".", 1)[1])
    mean[key] = r["primaryMetric"]["score"]
    best[key] = min(v for fork in r["primaryMetric"]["rawData"] for v in fork)
order = ["getInfo", "lookupByNameClose", "getXMLDesc", "listAllDomains"]
for title, table in (("mean of iterations (JMH score)", mean), ("best iteration (least disturbed by other load)", best)):
    print(f"\n{title}, ns per call")
    print(f"{'benchmark':<20}{'C':>12}{'JNI':>12}{'JNI/C':>8}{'JNA':>12}{'JNA/C':>8}")
    for b in order:
        c, jni, jna = table.get(("c", b)), table.get(("jni", b)), table.get(("jna", b))
        num = lambda v: f"{v:12.0f}" if v is not None else f"{'-':>12}"
        ratio = lambda v: f"{v / c:8.2f}" if v is not None and c else f"{'-':>8}"
        print(f"{b:<20}{num(c)}{num(jni)}{ratio(jni)}{num(jna)}{ratio(jna)}")
PY
