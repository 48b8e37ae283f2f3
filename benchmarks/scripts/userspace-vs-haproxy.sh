#!/usr/bin/env bash
# Requests/s on loopback: wrk straight to a small HTTP server, through the userspace data plane,
# and through HAProxy in TCP mode, in the same run, in alternating rounds (the cores are shared, so
# only ratios within one round mean much). Bounded: each wrk run lasts DURATION; everything this
# script starts is killed on exit, also on failure or Ctrl-C.
#
#   benchmarks/scripts/userspace-vs-haproxy.sh            # 3 rounds of 10 s each per target
#   ROUNDS=5 CONNECTIONS=64 benchmarks/scripts/userspace-vs-haproxy.sh
set -euo pipefail

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
HAPROXY_THREADS=${HAPROXY_THREADS:-1}

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/ballast-userspace-bench.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]:-}"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]:-}"; do
        [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk haproxy java mvn; do
    command -v "$tool" >/dev/null || { echo "needs $tool on the PATH" >&2; exit 2; }
done

# a random 127.88.x.0/24 so that parallel runs on one machine do not collide
net="127.88.$((RANDOM % 200 + 20))"
backend_addr="$net.21"; backend_port=18081
plane_addr="$net.10"; plane_port=18080
haproxy_addr="$net.11"; haproxy_port=18080

wait_port() { # address port: up to 30 s
    for _ in $(seq 1 300); do
        (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing listens on $1:$2 after 30 s" >&2
    exit 1
}

echo "building the agent classes (offline)…" >&2
mvn -B -o -q -f "$root/pom.xml" -pl agent -am compile dependency:build-classpath \
    -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime >&2
cp="$root/agent/target/classes:$(cat "$work/cp.txt")"

java -Xmx256m -Dsun.net.httpserver.nodelay=true "$root/benchmarks/scripts/HttpBenchBackend.java" "$backend_addr" "$backend_port" >"$work/backend.log" 2>&1 &
pids+=($!)
java -Xmx256m -cp "$cp" io.ballast.agent.dataplane.userspace.LabForwarderCommand \
    --listen "$plane_addr:$plane_port" --real "$backend_addr:$backend_port" --scheduler rr >"$work/plane.log" 2>&1 &
pids+=($!)
cat >"$work/haproxy.cfg" <<CFG
global
    nbthread $HAPROXY_THREADS
    maxconn 8000
defaults
    mode tcp
    timeout connect 5s
    timeout client 60s
    timeout server 60s
frontend bench
    bind $haproxy_addr:$haproxy_port
    default_backend real
backend real
    server s1 $backend_addr:$backend_port
CFG
haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!)

wait_port "$backend_addr" "$backend_port"
wait_port "$plane_addr" "$plane_port"
wait_port "$haproxy_addr" "$haproxy_port"

declare -A url=(
    [direct]="http://$backend_addr:$backend_port/"
    [userspace]="http://$plane_addr:$plane_port/"
    [haproxy]="http://$haproxy_addr:$haproxy_port/"
)
targets=(direct userspace haproxy)

echo "warming up (JIT) 3 s per target…" >&2
for t in "${targets[@]}"; do
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d3s "${url[$t]}" >/dev/null
done

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION; haproxy nbthread $HAPROXY_THREADS"
printf '%-6s %-10s %12s %10s\n' round target requests/s p99
for round in $(seq 1 "$ROUNDS"); do
    # rotate the order each round so no target always runs first or last
    for i in 0 1 2; do
        t=${targets[$(( (i + round - 1) % 3 ))]}
        out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${url[$t]}")
        rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
        printf '%-6s %-10s %12s %10s %s\n' "$round" "$t" "$rps" "$p99" "$errors"
        echo "$round $t $rps" >>"$work/results"
    done
done

echo
echo "ratios per round (userspace/direct, haproxy/direct, userspace/haproxy):"
awk '{ r[$1, $2] = $3; rounds[$1] = 1 }
     END {
        for (k in rounds) {
            printf "round %s: %.2f  %.2f  %.2f\n", k, r[k, "userspace"] / r[k, "direct"],
                   r[k, "haproxy"] / r[k, "direct"], r[k, "userspace"] / r[k, "haproxy"]
        }
     }' "$work/results" | sort
