#!/bin/sh
# IPVS plane benchmark in one QEMU boot (see docs/benchmarks/ipvs-plane.md):
# plane vs ipvsadm-restore vs keepalived, full apply of 2,277 services / 37,205 real servers, and a
# single weight change at 1,000 and 37,205 servers vs a bare ipvsadm -e.
#
#   benchmarks/scripts/ipvs-plane.sh [RUNS]     # RUNS of the full-apply pair, default 2
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
scripts/vm/fetch-kernel.sh >/dev/null
mvn -B -o -q -pl agent -am test-compile
cp=$(mktemp)
mvn -B -o -q -pl agent dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
cd agent
java -cp "target/test-classes:target/classes:$root/shared-model/target/classes:$(cat "$cp")" \
    io.ballast.agent.dataplane.ipvs.IpvsPlaneBenchmark "${1:-2}" > target/ipvs-bench.log 2>&1 || {
    echo "benchmark failed; see agent/target/ipvs-bench.log" >&2; tail -20 target/ipvs-bench.log >&2; exit 1; }
grep '^RESULT' target/ipvs-bench.log
rm -f "$cp"
