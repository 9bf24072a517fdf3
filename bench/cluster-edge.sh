#!/usr/bin/env bash
# Viewers per edge node, and what the origin pays for them. Starts an origin and one edge with
# scripts/cluster-node.sh (offsets 100 and 200, a fresh PostgreSQL database prepared as scripts/test-cluster.sh
# does), makes a broadcaster account through the origin's API, then the load tool publishes one synthetic H.264
# stream (BITRATE bit/s, 25 fps, a key frame every 2 s) to the origin and opens N viewers over UDP on the edge,
# 50 a second, held HOLD seconds. The load tool reports loss, jitter, first packet and the edge's CPU per
# viewer-second (--server-pid); the origin's CPU over the hold comes from /proc. Raw output under
# bench/results/DATE-cluster/. Both nodes are stopped at the end.
#
#   bench/cluster-edge.sh [N [HOLD [BITRATE]]]     (needs: mvn -B package -DskipTests; root or sudo for PostgreSQL)
set -euo pipefail
N=${1:-1000}; HOLD=${2:-60}; BITRATE=${3:-1500000}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/lib/postgresql.sh
say() { echo "[cluster-edge] $*"; }
skip() { say "cannot run: $*"; exit 2; }
postgresql_database tributary_cluster_bench
out=$root/bench/results/$(date -u +%Y-%m-%d)-cluster; mkdir -p "$out"
admin_pw=bench-admin-pw-$$
nodes=$root/server-config/target/bench-nodes
members='127.0.0.1[7700],127.0.0.1[7800]'
stop_nodes() { for n in origin edge; do bash scripts/cluster-node.sh stop --name $n --dir "$nodes/$n" || true; done; }
trap stop_nodes EXIT
for spec in "origin origin 100" "edge edge 200"; do
    read -r name role offset <<<"$spec"
    bash scripts/cluster-node.sh start --name $name --role $role --offset $offset --db-url "$url" --db-user "$user" \
        --db-password "$password" --members "$members" --dir "$nodes/$name" --wait \
        -Dtributary.admin.password=$admin_pw -Dtributary.cluster.heartbeat-seconds=2 -Dtributary.session.max=20000 \
        -Dtributary.rtsp.max-connections=20000 -Dtributary.rtsp.max-connections-per-address=20000 \
        -Dtributary.session.max-per-address=0
done
api=http://127.0.0.1:8180/tributary/api
curl -fsS -o /dev/null -u "admin:$admin_pw" -H 'Content-Type: application/json' \
    -d '{"name":"bench-caster","password":"bench-pw-1"}' "$api/users"
curl -fsS -o /dev/null -u "admin:$admin_pw" -H 'Content-Type: application/json' \
    -d '{"user":"bench-caster","paths":["live"]}' "$api/broadcasters"
sleep 4 # every node's heartbeat has run with both nodes in the view
origin_pid=$(cat "$nodes/origin/node.pid"); edge_pid=$(cat "$nodes/edge/node.pid")
cpu() { awk '{print $14+$15}' /proc/$1/stat; }
label=edge-udp-n$N-$((BITRATE / 1000))k
say "$(date -u) N=$N HOLD=$HOLD BITRATE=$BITRATE load=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/RESULTS.txt"
java ${LOAD_TOOL_JVM:--Xss512k -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xms2g -Xmn1500m} \
    -jar load-tool/target/tributary-load-tool-0.1.0-SNAPSHOT.jar --url rtsp://127.0.0.1:8754/live/edge-bench \
    --publish 1 --publish-url rtsp://bench-caster:bench-pw-1@127.0.0.1:8654/live/edge-bench \
    --publish-bitrate "$BITRATE" --publish-lead 6 -n "$N" --rate 50 --duration "$HOLD" --transport udp --server-pid "$edge_pid" \
    --label "$label" --json "$out/$label.json" > "$out/$label.txt" 2>&1 &
load=$!
# The origin's CPU over the hold: from when every viewer has started (N / 50 s, plus the pull's start) to its end.
sleep $((N / 50 + 5))
c0=$(cpu "$origin_pid"); t0=$(date +%s.%N)
sleep $((HOLD - 10))
c1=$(cpu "$origin_pid"); t1=$(date +%s.%N)
pulls=$(curl -fsS -u "admin:$admin_pw" "$api/sessions" | grep -o '"path":"live/edge-bench"' | wc -l)
wait $load || true
cat "$out/$label.txt"
echo "origin: cpu_ticks=$((c1 - c0)) seconds=$(echo "$t1 - $t0" | bc) clk_tck=$(getconf CLK_TCK) sessions_of_the_stream=$pulls" \
    | tee -a "$out/RESULTS.txt"
grep -h "sessions:\|packets:\|jitter ms\|server:\|load tool:" "$out/$label.txt" | tee -a "$out/RESULTS.txt" || true
