#!/bin/sh
# IPVS plane benchmark in one QEMU boot (see docs/benchmarks/ipvs-plane.md):
# plane vs ipvsadm-restore vs keepalived, full apply of 2,277 services / 37,205 real servers, and a
# single weight change at 1,000 and 37,205 servers vs a bare ipvsadm -e.
#
#   benchmarks/scripts/ipvs-plane.sh [RUNS] [full-only]   # RUNS rounds of floor, plane and keepalived
#                                                         # (each round starts with another one), default 2
#   benchmarks/scripts/ipvs-plane.sh [RUNS] diagnose      # floor and plane only, the plane's phase timings
#                                                         # and ipvsadm's own time (bash time) in each
#   benchmarks/scripts/ipvs-plane.sh [RUNS] java-side     # the plane's Java side alone (a stand-in ipvsadm
#                                                         # that discards the batch): 5 applies per JVM,
#                                                         # the first cold, the others warm
# Each step runs in a fresh network namespace (a fresh IPVS table): see IpvsPlaneBenchmark.report.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
scripts/vm/fetch-kernel.sh >/dev/null
cp=$(mktemp)
# test-compile in the same run lets the reactor hand out shared-model's classes (nothing is installed).
mvn -B -o -q -pl agent -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
cd agent
java -cp "$root/agent/target/test-classes:$root/agent/target/classes:$(cat "$cp")" \
    io.ballast.agent.dataplane.ipvs.IpvsPlaneBenchmark "${1:-2}" ${2:-} > target/ipvs-bench.log 2>&1 || {
    echo "benchmark failed; see agent/target/ipvs-bench.log" >&2; tail -20 target/ipvs-bench.log >&2; exit 1; }
grep '^RESULT' target/ipvs-bench.log
rm -f "$cp"
