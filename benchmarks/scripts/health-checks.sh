#!/usr/bin/env bash
# Health-check load benchmark: 10,000 loopback real servers, one TCP check each per second, 1 % refused.
# The listeners run in their own JVM so that only the checking JVM's CPU is measured.
#
# Usage: benchmarks/scripts/health-checks.sh [ADDRESSES PORTS INTERVAL_MS WARMUP_S MEASURE_S]
# Defaults: 100 addresses x 100 ports = 10,000 servers, 1000 ms, 15 s warm-up, 40 s measured.
# Needs: JDK 17, Maven with the project's dependencies cached, about 10,100 file descriptors.
set -euo pipefail

ADDRESSES=${1:-100}
PORTS=${2:-100}
INTERVAL_MS=${3:-1000}
WARMUP_S=${4:-15}
MEASURE_S=${5:-40}
FIRST_PORT=${FIRST_PORT:-17000}
JAVA_OPTS=${JAVA_OPTS:-}

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benchmarks/scripts"
WORK=$(mktemp -d)
SERVERS_PID=
cleanup() {
    if [[ -n "$SERVERS_PID" ]]; then kill "$SERVERS_PID" 2>/dev/null || true; wait "$SERVERS_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# Each listener is a descriptor in the servers' JVM.
ulimit -n "$(ulimit -Hn)"
if (( $(ulimit -n) < ADDRESSES * PORTS + 200 )); then
    echo "need at least $((ADDRESSES * PORTS + 200)) file descriptors, ulimit -n allows $(ulimit -n)" >&2
    exit 1
fi

cd "$ROOT"
mvn -B -o -q -pl agent -am compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT/agent/target/classes:$ROOT/shared-model/target/classes:$(cat "$WORK/cp.txt")"

java -Xmx512m "$HERE/HealthCheckServers.java" "$ADDRESSES" "$PORTS" "$FIRST_PORT" > "$WORK/servers.out" 2>&1 &
SERVERS_PID=$!
for _ in $(seq 1 120); do
    grep -q '^ready' "$WORK/servers.out" 2>/dev/null && break
    kill -0 "$SERVERS_PID" 2>/dev/null || { cat "$WORK/servers.out" >&2; exit 1; }
    sleep 0.5
done
grep '^ready' "$WORK/servers.out" || { echo "servers did not start" >&2; exit 1; }

ticks() { awk '{ print $14 + $15 }' "/proc/$SERVERS_PID/stat"; }
START_TICKS=$(ticks); START_NS=$(date +%s%N)
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$CP" "$HERE/HealthCheckLoad.java" "$ADDRESSES" "$PORTS" "$FIRST_PORT" "$INTERVAL_MS" "$WARMUP_S" "$MEASURE_S"
END_TICKS=$(ticks); END_NS=$(date +%s%N)
awk -v t=$((END_TICKS - START_TICKS)) -v ns=$((END_NS - START_NS)) \
    'BEGIN { printf "servers JVM CPU      %.2f %% of one core (whole run, not counted above)\n", 100 * t * 1e7 / ns }'

# Peer in the same run: the kernel's own cost of the same connections, from a bare C loop.
if command -v gcc >/dev/null; then
    gcc -O2 -o "$WORK/tcp-connect-floor" "$HERE/tcp-connect-floor.c"
    "$WORK/tcp-connect-floor" "$ADDRESSES" "$PORTS" "$FIRST_PORT" "$MEASURE_S" "$INTERVAL_MS"
else
    echo "gcc not found: no kernel floor measured"
fi
echo "load average         $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
