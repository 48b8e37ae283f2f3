#!/usr/bin/env bash
# Data-path benchmark of the nftables plane (root; needs nft, ip, busybox, wrk, haproxy, java).
#
# client ns --(front bridge)-- director ns --(back bridge)-- rs1..rs3 ns (busybox httpd)
# Per round, in rotating order, wrk runs from the client against:
#   ballast  the VIP through Ballast's table (rr over 3 real servers, written by the real plane)
#   hand     the VIP through the same DNAT hand-written in a few nft lines (numgen rr map + masquerade)
#   haproxy  HAProxy in TCP mode on the VIP in the director namespace (roundrobin, same 3 servers)
#   direct   rs1 directly, routed (not NATed) through the director
#   before   (only with BEFORE_JAR=path) Ballast's table as an earlier build of the plane writes it
# busybox httpd closes every connection, so every request is a new connection through DNAT.
#
# Usage: [BEFORE_JAR=old-benchmarks.jar] [SETTLE=1] benchmarks/scripts/nftables-vs-haproxy.sh [ROUNDS=5] [SECONDS=5] [CONNECTIONS=32]
# Build first: mvn -B -o -q -pl benchmarks -am package -DskipTests
set -euo pipefail
ROUNDS=${1:-5}
SECS=${2:-5}
CONNS=${3:-32}
HERE=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$HERE/benchmarks/target/benchmarks.jar"
[ -f "$JAR" ] || { echo "build $JAR first (see the header of this script)" >&2; exit 1; }
# Same naming as the test harness (bln-<pid>-…), so its reaper removes leftovers of a killed run.
P="bln-$$-bench-"
WORK=$(mktemp -d)
NS=(sw client dir rs1 rs2 rs3)

cleanup() {
  for n in "${NS[@]}"; do
    for pid in $(ip netns pids "$P$n" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$P$n" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

nsx() { local n=$1; shift; ip netns exec "$P$n" "$@"; }

for n in "${NS[@]}"; do ip netns add "$P$n"; nsx "$n" ip link set lo up; done
nsx sw ip link add front type bridge; nsx sw ip link set front up
nsx sw ip link add back type bridge; nsx sw ip link set back up
link() { # ns ifname bridge address...
  local n=$1 ifn=$2 br=$3; shift 3
  nsx sw ip link add "v$n$ifn" type veth peer name "$ifn" netns "$P$n"
  nsx sw ip link set "v$n$ifn" master "$br" up
  nsx "$n" ip link set "$ifn" up
  for a in "$@"; do nsx "$n" ip addr add "$a" dev "$ifn"; done
}
link client eth0 front 203.0.113.2/24
link dir eth0 front 203.0.113.1/24 203.0.113.10/32
link dir eth1 back 198.51.100.1/24
nsx client ip route add default via 203.0.113.1
# Every request is a new connection, closed by both ends at once, so client and servers would keep a
# TIME_WAIT socket per request: the client's 28,232 default ephemeral ports run out within two rounds,
# and reused ports then meet the servers' TIME_WAIT sockets (SYNs dropped, retried a second later).
# Either makes a path's result depend on its place in the rotation, not on its rules. These namespaces
# exist only for the benchmark, so they keep no TIME_WAIT sockets and use the whole port range.
nsx client sysctl -qw net.ipv4.ip_local_port_range="1024 65535"
nsx client sysctl -qw net.ipv4.tcp_max_tw_buckets=0
nsx dir sysctl -qw net.ipv4.ip_forward=1
for i in 1 2 3; do
  link "rs$i" eth0 back "198.51.100.1$i/24"
  nsx "rs$i" ip route add default via 198.51.100.1
  mkdir -p "$WORK/www$i"; echo "rs$i" > "$WORK/www$i/index.html"
  nsx "rs$i" sysctl -qw net.ipv4.tcp_max_tw_buckets=0
  nsx "rs$i" busybox httpd -p 80 -h "$WORK/www$i"
done
sleep 0.5

cat > "$WORK/haproxy.cfg" <<CFG
global
    maxconn 4000
defaults
    mode tcp
    timeout connect 2s
    timeout client 10s
    timeout server 10s
frontend vip
    bind 203.0.113.10:80
    default_backend rs
backend rs
    balance roundrobin
    server rs1 198.51.100.11:80
    server rs2 198.51.100.12:80
    server rs3 198.51.100.13:80
CFG

cat > "$WORK/hand.nft" <<'NFT'
table ip hand {
  chain pre { type nat hook prerouting priority dstnat; policy accept;
    ip daddr 203.0.113.10 tcp dport 80 dnat to numgen inc mod 3 map { 0 : 198.51.100.11, 1 : 198.51.100.12, 2 : 198.51.100.13 }
  }
  chain post { type nat hook postrouting priority srcnat; policy accept;
    ct status dnat ip daddr 198.51.100.0/24 masquerade
  }
}
NFT

setup() {
  case $1 in
    ballast|before) java -cp "$([ "$1" = before ] && echo "$BEFORE_JAR" || echo "$JAR")" \
               io.ballast.benchmarks.nftables.ApplyBallastTable "${P}dir" rr 203.0.113.10:80 \
               198.51.100.11:80 198.51.100.12:80 198.51.100.13:80 ;;
    hand) nsx dir nft -f "$WORK/hand.nft" ;;
    haproxy) nsx dir haproxy -D -p "$WORK/haproxy.pid" -f "$WORK/haproxy.cfg"; sleep 0.3 ;;
    direct) ;;
  esac
}
teardown() {
  case $1 in
    ballast|before) nsx dir nft delete table inet ballast ;;
    hand) nsx dir nft delete table ip hand ;;
    haproxy) kill "$(cat "$WORK/haproxy.pid")"; sleep 0.3 ;;
    direct) ;;
  esac
}
url() { [ "$1" = direct ] && echo "http://198.51.100.11/" || echo "http://203.0.113.10/"; }

MODES=(ballast hand haproxy direct)
[ -n "${BEFORE_JAR:-}" ] && MODES+=(before)
NM=${#MODES[@]}
echo "mode round requests_per_s latency_p50_ms latency_p99_ms errors" > "$WORK/results"
for r in $(seq 1 "$ROUNDS"); do
  for k in $(seq 0 $((NM - 1))); do
    m=${MODES[$(( (k + r) % NM ))]}
    setup "$m"
    sleep "${SETTLE:-1}" # every path starts from a settled machine (ballast's setup starts a JVM, hand's one nft)
    out=$(nsx client timeout $((SECS + 20)) wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$(url "$m")")
    teardown "$m"
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    errs=$(awk '/Socket errors|Non-2xx/ {print}' <<<"$out" | tr '\n' ' ')
    echo "$m $r $rps $p50 $p99 ${errs:-none}" | tee -a "$WORK/results" >&2
  done
done

python3 - "$WORK/results" <<'PY'
import statistics, sys
def ms(t):
    t = t.strip()
    for suffix, f in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if t.endswith(suffix):
            return float(t[:-len(suffix)]) * f
    return float(t)
rows = [l.split(None, 5) for l in open(sys.argv[1]).read().splitlines()[1:]]
by = {}
for m, r, rps, p50, p99, errs in rows:
    by.setdefault(m, []).append((float(rps), ms(p50), ms(p99), errs))
med = {m: (statistics.median(x[0] for x in v), statistics.median(x[1] for x in v), statistics.median(x[2] for x in v)) for m, v in by.items()}
print("| path | median req/s | median p50 latency | median p99 latency | vs hand-written | vs direct |")
print("|---|---|---|---|---|---|")
for m in [m for m in ("ballast", "before", "hand", "haproxy", "direct") if m in med]:
    rps, p50, p99 = med[m]
    print(f"| {m} | {rps:,.0f} | {p50:.2f} ms | {p99:.2f} ms | {rps / med['hand'][0]:.2f}x | {rps / med['direct'][0]:.2f}x |")
print()
print(f"Ballast / hand-written: {med['ballast'][0] / med['hand'][0]:.3f}; HAProxy / Ballast: {med['haproxy'][0] / med['ballast'][0]:.2f}")
for m in [m for m in ("ballast", "before") if m in by]:
    pairs = [float(a[2]) / float(b[2]) for a in rows if a[0] == m for b in rows if b[0] == "hand" and b[1] == a[1]]
    print(f"{m} / hand-written paired by round: " + ", ".join(f"{x:.2f}" for x in pairs)
          + f" - median {statistics.median(pairs):.3f}")
print("per round:", ", ".join(f"{m} r{r} {float(rps):,.0f}" for m, r, rps, *_ in rows))
PY
