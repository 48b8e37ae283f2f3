#!/usr/bin/env bash
# Client-visible outage when the master director dies, failed requests during fail-back, and how
# many of 20 long-lived TCP connections (opened through the master before each crash) still answer,
# from the same real server, after the takeover and after the fail-back.
# Two directors in network namespaces (nftables plane, same DNAT table in every setup: SNAT to the
# gateway VIP), a client sending one HTTP request every 10 ms to the VIP, three real servers.
# Setups compared in one run:
#   ballast:<advertMs>   the agents with the keepalived engine (Ballast's rendered VRRPv3 config,
#                        readiness-gated fail-back), no connection sync
#   ballast-sync:<ms>    the same with connection sync (conntrackd started by the plane)
#   plain:1:2            hand-written keepalived.conf, virtual_ipaddress only: advert_int 1, VRRPv2
#   plain:0.1:3          the same at VRRPv3 advert_int 0.1
# Needs root, ip, nft, keepalived, conntrackd, busybox, curl, python3. Usage:
#   benchmarks/scripts/failover-outage.sh [runs] [setup...]
# Results: one JSON line per measurement on stdout, a summary line per setup.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
shift || true
setups=("$@")
if [ ${#setups[@]} -eq 0 ]; then
  setups=(ballast-sync:50 ballast:50 plain:0.1:3 plain:1:2)
fi
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -o -q -pl agent -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
cp="agent/target/test-classes:agent/target/classes:shared-model/target/classes:$(cat "$cp_file")"
for setup in "${setups[@]}"; do
  pin=()
  # Optional: PIN_CPU=1 keeps the benchmark JVM itself on one core.
  if [ -n "${PIN_CPU:-}" ]; then pin=(taskset -c "$PIN_CPU"); fi
  "${pin[@]}" java -Xmx256m -cp "$cp" io.ballast.agent.failover.scenario.FailoverOutageBenchmark "$setup" "$runs"
done
