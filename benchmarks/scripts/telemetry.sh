#!/usr/bin/env bash
# Telemetry benchmark: a real agent process (userspace plane) with 10,000 real servers sampling its
# counters at 1 Hz into the history (SQLite), one SSE subscriber reading /api/v1/stream and a /metrics
# scrape every 15 s. Measures the agent process's CPU (utime + stime from /proc, every thread: API,
# sampler, SQLite, JIT, GC) as % of one core. Peer in the same run and the same time window: the same
# agent with 10 real servers and the same client (the baseline).
#
# Usage: benchmarks/scripts/telemetry.sh [SERVERS WARMUP_S MEASURE_S]
# Defaults: 10,000 real servers, 60 s warm-up, 150 s measured.
# PLANE=nftables runs both agents on the nftables plane (needs root and nft): each agent's table lives
# in a network namespace of its own (bl-<random>-*, removed at the end), its counters are kernel
# counters, and the nft processes it runs count in its CPU (reaped children, cutime + cstime).
# COUNTERS=netlink|nft sets how both nftables agents read their counters (default: the plane's, netlink).
# AGENT_JAVA_OPTS (default -Xmx512m) goes to both agents; JFR_DIR=dir records a JFR profile of each agent there.
set -euo pipefail

SERVERS=${1:-10000}
WARMUP_S=${2:-60}
MEASURE_S=${3:-150}
SCRAPE_S=15
AGENT_JAVA_OPTS=${AGENT_JAVA_OPTS:--Xmx512m}
TOKEN=telemetry-benchmark-token-0123456789

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benchmarks/scripts"
WORK=$(mktemp -d)
PLANE=${PLANE:-userspace}
RUN_ID=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
NETNS=()
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    for ns in "${NETNS[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
    [[ -n "${KEEP_WORK:-}" ]] && echo "work directory kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

cd "$ROOT"
mvn -B -o -q -pl agent -am compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT/agent/target/classes:$ROOT/shared-model/target/classes:$(cat "$WORK/cp.txt")"

declare -A AGENT_PID PORT FINGERPRINT CLIENT_PID
start_agent() {  # NAME SERVERS VIP_NET
    local dir="$WORK/$1"
    local plane=()
    if [[ "$PLANE" == nftables ]]; then
        local ns="bl-$RUN_ID-t$1"
        ip netns add "$ns"
        NETNS+=("$ns")
        ip -n "$ns" link set lo up
        plane=(nftables "$ns" ${COUNTERS:+"$COUNTERS"})
    fi
    PORT[$1]=$(java -cp "$CP" "$HERE/TelemetrySetup.java" "$2" "$dir" "$3" "${plane[@]}")
    printf '%s' "$TOKEN" > "$dir/token"
    local jfr=()
    [[ -n "${JFR_DIR:-}" ]] && jfr=("-XX:StartFlightRecording=filename=$JFR_DIR/$1.jfr,settings=profile")
    # shellcheck disable=SC2086
    java $AGENT_JAVA_OPTS "${jfr[@]}" -cp "$CP" io.ballast.agent.AgentMain --config "$dir/agent.json" --token-file "$dir/token" \
        > "$dir/agent.out" 2>&1 &
    AGENT_PID[$1]=$!
    PIDS+=("$!")
}
await_agent() {  # NAME
    local dir="$WORK/$1"
    for _ in $(seq 1 240); do
        grep -q 'listening on https' "$dir/agent.out" 2>/dev/null && break
        kill -0 "${AGENT_PID[$1]}" 2>/dev/null || { cat "$dir/agent.out" >&2; exit 1; }
        sleep 0.5
    done
    FINGERPRINT[$1]=$(sed -n 's/.*certificate SHA-256 \([0-9A-F:]*\)).*/\1/p' "$dir/agent.out" | head -1)
    [[ -n "${FINGERPRINT[$1]}" ]] || { echo "agent $1 did not start" >&2; cat "$dir/agent.out" >&2; exit 1; }
}
# A table that did not apply would measure an idle agent.
check_applied() { ! grep -q 'apply-failed' "$WORK/$1/agent.out" || { grep apply-failed "$WORK/$1/agent.out" >&2; exit 1; }; }
# utime + stime + the reaped children's (the nft processes the nftables plane runs).
ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat"; }
children() { awk '{ print $16 + $17 }' "/proc/$1/stat"; }
# Per thread: "tid name ticks", to say where the time goes (thread names as the JVM gives them, 15 characters).
threads() {
    # Threads come and go (the nftables plane's process reapers): a vanished one is skipped.
    { cat /proc/"$1"/task/*/stat 2>/dev/null || true; } | sed -E 's/^([0-9]+) \((.*)\) [A-Za-z] (.*)$/\1|\2|\3/' \
        | awk -F'|' '{ split($3, f, " "); gsub(/ /, "_", $2); print $1, $2, f[11] + f[12] }'
}
written() { awk '/^write_bytes/ { print $2 }' "/proc/$1/io"; }

start_agent baseline 10 3
start_agent large "$SERVERS" 1
await_agent baseline
await_agent large
for name in baseline large; do
    java -cp "$CP" "$HERE/TelemetryClient.java" "${PORT[$name]}" "${FINGERPRINT[$name]}" "$TOKEN" \
        $((WARMUP_S + MEASURE_S)) "$SCRAPE_S" "$MEASURE_S" > "$WORK/$name/client.out" 2>&1 &
    PIDS+=("$!")
    CLIENT_PID[$name]=$!
done
sleep "$WARMUP_S"
check_applied baseline
check_applied large

declare -A T0 W0 C0
for name in baseline large; do
    T0[$name]=$(ticks "${AGENT_PID[$name]}"); W0[$name]=$(written "${AGENT_PID[$name]}")
    C0[$name]=$(children "${AGENT_PID[$name]}")
    threads "${AGENT_PID[$name]}" > "$WORK/$name/threads.0"
done
START_NS=$(date +%s%N)
sleep "$MEASURE_S"
END_NS=$(date +%s%N)
declare -A PERCENT
HZ=$(getconf CLK_TCK)
for name in baseline large; do
    pid=${AGENT_PID[$name]}
    PERCENT[$name]=$(awk -v t=$(( $(ticks "$pid") - T0[$name] )) -v hz="$HZ" -v ns=$((END_NS - START_NS)) \
        'BEGIN { printf "%.2f", 100 * t / hz * 1e9 / ns }')
    wrote=$(( $(written "$pid") - W0[$name] ))
    CHILDREN=$(awk -v t=$(( $(children "$pid") - C0[$name] )) -v hz="$HZ" -v ns=$((END_NS - START_NS)) \
        'BEGIN { printf "%.2f", 100 * t / hz * 1e9 / ns }')
    threads "$pid" > "$WORK/$name/threads.1"
    wait "${CLIENT_PID[$name]}" || true
    db=$(du -k "$WORK/$name/state/agent.db"* 2>/dev/null | awk '{ s += $1 } END { print s }')
    printf '%-9s %s agent CPU %6s %% of one core over %d s; disk writes %.1f KB/s; agent.db %d KB; %s\n' \
        "$name" "$PLANE" "${PERCENT[$name]}" "$MEASURE_S" "$(awk -v w="$wrote" -v s="$MEASURE_S" 'BEGIN { print w / s / 1e3 }')" \
        "$db" "$(cat "$WORK/$name/client.out")"
    if [[ "$PLANE" == nftables ]]; then
        echo "    of which the nft processes (reaped children) ${CHILDREN} %"
        echo "    counters read by $(sed -n 's/.*counters read by //p' "$WORK/$name/agent.out" | head -1)"
    fi
    # The busiest threads over the measured window, summed by name (pool threads alike).
    awk -v hz="$HZ" -v s="$MEASURE_S" 'NR == FNR { t0[$1] = $3; next }
        { n = $2; gsub(/[0-9]+/, "N", n); sum[n] += $3 - ($1 in t0 ? t0[$1] : 0) }
        END { for (n in sum) if (sum[n] > 0) printf "    %-22s %.2f %%\n", n, 100 * sum[n] / hz / s }' \
        "$WORK/$name/threads.0" "$WORK/$name/threads.1" | sort -k2 -rn | head -8
done
awk -v a="${PERCENT[large]}" -v b="${PERCENT[baseline]}" \
    'BEGIN { printf "telemetry at %s real servers: %.2f %% of one core above the baseline\n", "'"$SERVERS"'", a - b }'
echo "load average         $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
if [[ -n "${JFR_DIR:-}" ]]; then
    # A clean stop writes the recordings.
    for name in baseline large; do kill -TERM "${AGENT_PID[$name]}" 2>/dev/null || true; done
    for name in baseline large; do wait "${AGENT_PID[$name]}" 2>/dev/null || true; done
    ls -l "$JFR_DIR"/*.jfr
fi
