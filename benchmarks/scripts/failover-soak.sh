#!/usr/bin/env bash
# "No spurious failover": Ballast pair at ADVERT_MS, master CPU saturated (its processes and two busy
# loops pinned to CPU 0), 1 % of the adverts the standby receives dropped. Usage:
#   benchmarks/scripts/failover-soak.sh [advertMs=50] [seconds=600]
set -euo pipefail
cd "$(dirname "$0")/../.."
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -o -q -pl agent -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
cp="agent/target/test-classes:agent/target/classes:shared-model/target/classes:$(cat "$cp_file")"
java -Xmx256m -cp "$cp" io.ballast.agent.failover.scenario.FailoverSoak "${1:-50}" "${2:-600}"
