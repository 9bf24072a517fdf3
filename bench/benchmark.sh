#!/usr/bin/env bash
# One command for the whole benchmark: builds Tributary and the load tool, provisions WildFly,
# makes the clips, starts Tributary serving them, runs bench/run-benchmark.sh against Tributary and
# gst-rtsp-server side by side, stops Tributary, and prints where RESULTS.md is.
#
#   bench/benchmark.sh [--sessions "10 100 500 1000"] [--hold 30] [--transport udp|tcp] [--variant 100k|200k|800k] ...
#   bench/benchmark.sh --sessions "200" --hls "200" --hold 30
#   bench/benchmark.sh --live [VIEWERS [SECONDS [udp|tcp|http]]]     (default 1000 viewers, 60 s, udp)
#   bench/benchmark.sh --targets [bench/targets.sh options]           (issue #18's targets in one run)
#
# Every option after the script name goes to run-benchmark.sh (see its --help). Traffic stays on 127.0.0.1.
# --hls "VIEWERS...": after the RTSP runs, that many HLS viewers (one run per count) play the same clip from
# Tributary's web module, http://127.0.0.1:8080/tributary/hls/clip-<variant>.mp4/index.m3u8, with the same hold
# and rate; their JSON (json/tributary-hls-n<N>.json) and rows join RESULTS.md beside the RTSP rows of that N.
# BENCH_JAVA_OPTS adds JVM options to the server (e.g. -XX:StartFlightRecording=... to profile it).
# --live: the load tool publishes one synthetic H.264 stream (1 Mbit/s, 25 fps, a key frame every 2 s)
# to rtsp://127.0.0.1:8554/live/bench as a broadcaster account made through the API, then VIEWERS
# viewers play it for SECONDS; then the same against gst-rtsp-server as a live reflector
# (bench/gst-rtsp-server.py --live: RECORD at live/bench-in, one shared PLAY media at live/bench).
# The JSON summaries, logs and a side-by-side table go to bench/results/<date>/(RESULTS-)live-*.
# --targets: every performance target in one run against the one server (bench/targets.sh: the setup burst and
# ramp, the per-stream cost at 1,000 sessions beside gst-rtsp-server, the largest N held, live fan-out), its
# table in $out/RESULTS-targets.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${BENCH_OUT:-/tmp/tributary-bench/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$out/logs"
log() { echo "[benchmark] $*"; }

# Debian packages: the test tools plus gst-rtsp-server for the peer.
bash scripts/install-tools.sh
need=()
for p in gir1.2-gst-rtsp-server-1.0 python3-gi; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

log "building Tributary, the load tool and the server"
mvn -B -q package -DskipTests -pl load-tool,ear,server-config -am
server="$(ls -d server-config/target/wildfly-*/ | head -1)"
bash bench/run-benchmark.sh --generate-only --out "$out" >/dev/null

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if ss -ltn 'sport = :8554' | grep -q 8554; then
    echo "[benchmark] port 8554 is in use: stop the running server first" >&2
    exit 1
fi
rm -f "$server"/standalone/deployments/tributary.ear*
# --live and --targets make a broadcaster account through the API as the first-run admin: start from an empty
# database.
mode="${1:-}"
[ "$mode" = "--live" ] || [ "$mode" = "--targets" ] && rm -rf "$server/standalone/data/tributary"
cp ear/target/tributary.ear "$server/standalone/deployments/"
log "starting Tributary (log: $out/logs/tributary-server.log)"
# Every load-tool session and HLS viewer comes from 127.0.0.1: no limit per address (RTSP sessions, HLS viewings).
JAVA_OPTS="-Xms512m -Xmx2g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-}" "$server/bin/standalone.sh" -c standalone.xml \
    -Djboss.bind.address=127.0.0.1 -Dtributary.rtsp.bind-address=127.0.0.1 \
    -Dtributary.media.root="$out/media" -Dtributary.session.max=20000 -Dtributary.rtsp.max-connections=20000 -Dtributary.rtsp.max-connections-per-address=20000 \
    -Dtributary.session.max-per-address=0 \
    >"$out/logs/tributary-server.log" 2>&1 &
stop_server() {
    local pid
    pid="$(ss -ltnpH 'sport = :8554' 2>/dev/null | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1)"
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && sleep 3
    rm -f "$server"/standalone/deployments/tributary.ear*
}
trap stop_server EXIT
for _ in $(seq 1 120); do
    sleep 1
    if printf 'OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n' | timeout 2 bash -c 'cat > /dev/tcp/127.0.0.1/8554' 2>/dev/null; then
        break
    fi
done
pid="$(ss -ltnpH 'sport = :8554' | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1)"
[ -n "$pid" ] || { echo "[benchmark] Tributary did not come up; see $out/logs/tributary-server.log" >&2; exit 1; }
log "Tributary is up (pid $pid)"
# A broadcaster account allowed to publish under live/: sets caster_pw.
make_caster() {
    local api="http://127.0.0.1:8080/tributary/api"
    # The console's first start writes the admin password to a file it deletes at the first login.
    pw_file="$server/standalone/data/tributary/initial-admin-password"
    admin_pw=""
    for _ in $(seq 1 120); do
        [ -z "$admin_pw" ] && [ -s "$pw_file" ] && admin_pw="$(cat "$pw_file")"
        [ -n "$admin_pw" ] && curl -fsS -o /dev/null -u "admin:$admin_pw" "$api/me" 2>/dev/null && break
        sleep 1
    done
    [ -n "$admin_pw" ] || { echo "[benchmark] no $pw_file after 120 s" >&2; exit 1; }
    caster_pw="bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
    curl -fsS -o /dev/null -u "admin:$admin_pw" -H 'Content-Type: application/json' \
        -d "{\"name\":\"bench-caster\",\"password\":\"$caster_pw\"}" "$api/users"
    curl -fsS -o /dev/null -u "admin:$admin_pw" -H 'Content-Type: application/json' \
        -d '{"user":"bench-caster","paths":["live"]}' "$api/broadcasters"
}
if [ "$mode" = "--targets" ]; then
    shift
    make_caster
    BENCH_CASTER_PASSWORD="$caster_pw" bash bench/targets.sh --tributary-pid "$pid" --out "$out" \
        --server-log "$out/logs/tributary-server.log" "$@"
    exit 0
fi
if [ "$mode" = "--live" ]; then
    viewers="${2:-1000}" seconds="${3:-60}" vtransport="${4:-udp}"
    make_caster
    results="$root/bench/results/$(date -u +%Y-%m-%d)"
    mkdir -p "$results"
    # $1 server name, $2 pid, $3 viewers' URL, $4 publisher's URL (may hold the broadcaster's password)
    run_live() {
        local name="live-$1-$vtransport-n$viewers" secret="${caster_pw:-no-secret}"
        log "live on $1: 1 publisher -> $viewers $vtransport viewers for ${seconds}s (load $(cut -d' ' -f1-3 /proc/loadavg))"
        timeout $((seconds + 300)) java ${LOAD_TOOL_JVM:--Xss512k -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xms2g -Xmn1500m} -jar load-tool/target/tributary-load-tool-0.1.0-SNAPSHOT.jar \
            --url "$3" --publish 1 --publish-url "$4" -n "$viewers" --rate 50 \
            --duration "$seconds" --transport "$vtransport" --server-pid "$2" --label "$name" \
            --json "$results/$name.json" 2>&1 | sed "s/$secret/***/g" | tee "$results/$name.txt"
        sed -i "s/$secret/***/g" "$results/$name.json"
    }
    run_live tributary "$pid" "rtsp://127.0.0.1:8554/live/bench" \
        "rtsp://bench-caster:$caster_pw@127.0.0.1:8554/live/bench"
    # A real player's first picture: ffmpeg publishes the 800k clip (a key frame every 2 s), ffmpeg views.
    bash bench/first-picture.sh Tributary "rtsp://bench-caster:$caster_pw@127.0.0.1:8554/live/picture" \
        "rtsp://127.0.0.1:8554/live/picture" "$out/media/clip-800k.mp4" 2>&1 | sed "s/$caster_pw/***/g" \
        | tee "$results/first-picture-tributary.txt"
    bash bench/first-picture.sh "Tributary, the same clip as a file (baseline)" - \
        "rtsp://127.0.0.1:8554/clip-800k.mp4" "$out/media/clip-800k.mp4" | tee -a "$results/first-picture-tributary.txt"
    # The same with gst-rtsp-server (a RECORD mount and a shared PLAY mount), Tributary idle meanwhile.
    /usr/bin/python3 bench/gst-rtsp-server.py --live live/bench 8654 >"$out/logs/gst-rtsp-server-live.log" 2>&1 &
    gst_pid=$!
    sleep 2
    kill -0 "$gst_pid" 2>/dev/null || { cat "$out/logs/gst-rtsp-server-live.log" >&2; exit 1; }
    run_live gst-rtsp-server "$gst_pid" "rtsp://127.0.0.1:8654/live/bench" "rtsp://127.0.0.1:8654/live/bench-in"
    kill "$gst_pid"
    /usr/bin/python3 - "$results" "$vtransport" "$viewers" > "$results/RESULTS-live-$vtransport-n$viewers.md" <<'PY'
import json, sys
results, transport, viewers = sys.argv[1], sys.argv[2], sys.argv[3]
rows = [("Tributary", "tributary"), ("gst-rtsp-server", "gst-rtsp-server")]
print("| server | viewers played | loss % | server CPU-ms per viewer-s | PLAY->1st packet p50/p99 ms"
      " | PLAY->key frame p50/p99 ms | server peak RSS MB |")
print("|---|---|---|---|---|---|---|")
for title, key in rows:
    d = json.load(open("%s/live-%s-%s-n%s.json" % (results, key, transport, viewers)))
    fp, kf = d["firstPacketMs"], d["firstKeyFrameMs"]
    print("| %s | %d of %d | %.3f | %.3f | %.1f / %.1f | %.1f / %.1f | %.0f |" % (
        title, d["sessions"]["played"], d["sessions"]["requested"], d["packets"]["lossPercent"],
        d["server"]["cpuMsPerStreamSecond"], fp["p50"], fp["p99"], kf["p50"], kf["p99"],
        d["server"]["peakRssKb"] / 1024))
PY
    cat "$results/first-picture-tributary.txt" >> "$results/RESULTS-live-$vtransport-n$viewers.md"
    cat "$results/RESULTS-live-$vtransport-n$viewers.md"
    log "results: $results/RESULTS-live-$vtransport-n$viewers.md"
    exit 0
fi
variant=200k
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do [ "${args[$i]}" = "--variant" ] && variant="${args[$((i + 1))]}"; done
bash bench/run-benchmark.sh --tributary-url "rtsp://127.0.0.1:8554/clip-$variant.mp4" --tributary-pid "$pid" \
    --out "$out" "$@"
log "results: $out/RESULTS.md"
