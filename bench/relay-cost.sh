#!/usr/bin/env bash
# The cost of relaying, both ends on one running Tributary (started as README's run command starts it):
# the load tool publishes one synthetic H.264 stream (1 Mbit/s) to live/src with one viewer, and the server's
# CPU is read from /proc over HOLD seconds; then the same with N always-on pull relays of live/src (TCP) to
# relay/rI.sdp. (with N relays - baseline) / (N x HOLD) is the CPU per relayed stream-second: the origin serving
# the relay's connection plus the relay taking it in.
#
#   TRIBUTARY_ADMIN_PASSWORD=... bench/relay-cost.sh [N [HOLD]]      (needs: mvn package of load-tool)
set -euo pipefail
N=${1:-50}; HOLD=${2:-60}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
api=http://127.0.0.1:8080/tributary/api
A=(-u "admin:${TRIBUTARY_ADMIN_PASSWORD:?set TRIBUTARY_ADMIN_PASSWORD}" -H Content-Type:application/json)
pid=$(pgrep -f jboss-modules.jar | head -1)
jar=$root/load-tool/target/tributary-load-tool-0.1.0-SNAPSHOT.jar
out=$root/bench/results/$(date -u +%Y-%m-%d)-relay; mkdir -p "$out"
curl -s "${A[@]}" -X POST $api/users -d '{"name":"bench-caster","password":"bench-pw-1"}' -o /dev/null || true
curl -s "${A[@]}" -X POST $api/broadcasters -d '{"user":"bench-caster","paths":["live"]}' -o /dev/null || true
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
run() { # label, relays
    local label=$1 relays=$2
    java -Xss512k -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -jar $jar --url rtsp://127.0.0.1:8554/live/src \
        --publish 1 --publish-url rtsp://bench-caster:bench-pw-1@127.0.0.1:8554/live/src -n 1 --duration $((HOLD + 40)) \
        --transport tcp -q --json "$out"/$label-viewer.json > "$out"/$label-load.txt 2>&1 &
    local lt=$!
    sleep 8
    for i in $(seq 1 $relays); do
        curl -s "${A[@]}" -X PUT $api/relays/r$i -d "{\"direction\":\"pull\",\"path\":\"relay/r$i.sdp\",\"url\":\"rtsp://127.0.0.1:8554/live/src\",\"transport\":\"tcp\",\"onDemand\":false,\"lingerSeconds\":10,\"enabled\":true}" -o /dev/null
    done
    sleep 15
    local playing=$(curl -s "${A[@]}" $api/relays | grep -o '"state":"playing"' | wc -l)
    local c0=$(cpu) t0=$(date +%s.%N)
    sleep $HOLD
    local c1=$(cpu) t1=$(date +%s.%N)
    local bps=$(curl -s "${A[@]}" $api/relays/r1 | grep -o '"bitsPerSecond":[0-9]*' || true)
    echo "$label: relays=$relays playing=$playing cpu_ticks=$((c1 - c0)) seconds=$(echo "$t1 - $t0" | bc) r1 $bps" | tee -a "$out"/RESULTS.txt
    for i in $(seq 1 $relays); do curl -s "${A[@]}" -X DELETE $api/relays/r$i -o /dev/null; done
    wait $lt || true
}
echo "# $(date -u) N=$N HOLD=$HOLD clk_tck=$(getconf CLK_TCK) load=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"/RESULTS.txt
run baseline 0
run relays-$N $N
