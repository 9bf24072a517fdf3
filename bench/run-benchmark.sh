#!/usr/bin/env bash
# Tributary benchmark: runs the load tool at several session counts against a running Tributary
# (optional) and against gst-rtsp-server serving the same clip, and writes a side-by-side table.
#
# Usage:
#   bench/run-benchmark.sh [--tributary-url rtsp://127.0.0.1:8554/PATH --tributary-pid PID]
#                          [--sessions "10 100 500 1000"] [--hold 30] [--rate 50]
#                          (hold = seconds with every session set up, after the ramp)
#                          [--transport udp|tcp] [--variant 100k|200k|800k] [--clip FILE.mp4]
#                          [--gst-port 8654] [--gst-shared] [--no-gst] [--out DIR] [--generate-only]
#                          [--hls "200 1000"]
#
# Every option also reads from the environment: TRIBUTARY_URL, TRIBUTARY_PID, BENCH_SESSIONS,
# BENCH_HOLD, BENCH_RATE, BENCH_TRANSPORT, BENCH_VARIANT, BENCH_CLIP, GST_PORT, BENCH_OUT, BENCH_HLS.
# Without --tributary-url only gst-rtsp-server is measured. Tributary is not started here: serve
# the same clip from it (the script prints the path; --generate-only just makes the clips).
# --hls: after the RTSP runs, that many HLS viewers (one run per count, same hold and rate) play the
# same path from Tributary's web module, http://127.0.0.1:8080/tributary/hls/PATH/index.m3u8; their
# rows sit beside the RTSP rows of the same N (gst-rtsp-server has no HLS, so no peer row).
#
# Traffic goes to 127.0.0.1 only (other hosts are refused). Every run is bounded by `timeout`.
# Needs: Java 17, ffmpeg, /usr/bin/python3 with python3-gi, gir1.2-gst-rtsp-server-1.0,
# gstreamer1.0-plugins-good, gstreamer1.0-plugins-bad, gstreamer1.0-libav.
# UDP: each client socket asks for a 256 KiB receive buffer, which Linux caps at net.core.rmem_max
# (often 208 KiB); at high N raise it (as root: sysctl -w net.core.rmem_max=4194304) if loss appears
# on the client side.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$root/load-tool/target/tributary-load-tool-0.1.0-SNAPSHOT.jar"
python=/usr/bin/python3
java_bin="${JAVA:-java}"
# The load tool is a fresh JVM per run that shares the box with the server: C1 only and a young generation
# that holds a whole run keep its JIT and GC from taking the cores the server needs (docs/BENCHMARKS.md).
read -r -a tool_jvm <<< "${LOAD_TOOL_JVM:--Xss512k -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xms2g -Xmn1500m}"

tributary_url="${TRIBUTARY_URL:-}"
tributary_pid="${TRIBUTARY_PID:-}"
sessions="${BENCH_SESSIONS:-10 100 500 1000}"
hold="${BENCH_HOLD:-30}"
rate="${BENCH_RATE:-50}"
transport="${BENCH_TRANSPORT:-udp}"
variant="${BENCH_VARIANT:-200k}"
clip="${BENCH_CLIP:-}"
gst_port="${GST_PORT:-8654}"
gst_shared=""
run_gst=1
generate_only=0
out="${BENCH_OUT:-/tmp/tributary-bench/$(date +%Y%m%d-%H%M%S)}"
hls_viewers="${BENCH_HLS:-}"

usage() { sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --tributary-url) tributary_url="$2"; shift 2 ;;
        --tributary-pid) tributary_pid="$2"; shift 2 ;;
        --sessions) sessions="$2"; shift 2 ;;
        --hold) hold="$2"; shift 2 ;;
        --rate) rate="$2"; shift 2 ;;
        --transport) transport="$2"; shift 2 ;;
        --variant) variant="$2"; shift 2 ;;
        --clip) clip="$2"; shift 2 ;;
        --gst-port) gst_port="$2"; shift 2 ;;
        --gst-shared) gst_shared="--shared"; shift ;;
        --no-gst) run_gst=0; shift ;;
        --out) out="$2"; shift 2 ;;
        --generate-only) generate_only=1; shift ;;
        --hls) hls_viewers="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

log() { echo "[bench] $*"; }
die() { echo "[bench] error: $*" >&2; exit 1; }

# --- sanity: numbers, loopback only ------------------------------------------------------------
[[ "$hold" =~ ^[0-9]+$ ]] || die "--hold must be whole seconds"
[[ "$rate" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "--rate must be a number"
[[ "$transport" == udp || "$transport" == tcp || "$transport" == http ]] || die "--transport must be udp, tcp or http"
n_count=0
for n in $sessions; do
    [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 20000 ] || die "bad session count: $n"
    n_count=$((n_count + 1))
done
[ "$n_count" -ge 1 ] && [ "$n_count" -le 20 ] || die "give 1 to 20 session counts"
for n in $hls_viewers; do
    [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 20000 ] || die "bad HLS viewer count: $n"
done
[ -z "$hls_viewers" ] || [ -n "$tributary_url" ] || die "--hls needs --tributary-url (only Tributary serves HLS here)"
if [ -n "$tributary_url" ]; then
    host="$(echo "$tributary_url" | sed -E 's#^rtsp://([^@/]*@)?(\[[^]]*\]|[^:/]*).*#\2#')"
    case "$host" in
        127.*|localhost|"[::1]") ;;
        *) die "refusing non-loopback Tributary host '$host': benchmarks only target 127.0.0.1" ;;
    esac
    [ -n "$tributary_pid" ] || log "no --tributary-pid: Tributary CPU/RSS will not be measured"
    if [ -n "$tributary_pid" ] && [ ! -d "/proc/$tributary_pid" ]; then
        die "no process $tributary_pid"
    fi
    # The same path over HLS: rtsp://host:port/PATH -> Tributary's web module on the loopback.
    hls_url="http://127.0.0.1:8080/tributary/hls/$(echo "$tributary_url" | sed -E 's#^rtsp://[^/]*/##')/index.m3u8"
fi

# --- limits ------------------------------------------------------------------------------------
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
log "open files limit: $(ulimit -n)"
rmem_max="$(cat /proc/sys/net/core/rmem_max 2>/dev/null || echo unknown)"
log "net.core.rmem_max = $rmem_max (UDP receive buffers are capped there; raise it for high N if needed)"

mkdir -p "$out/json" "$out/logs" "$out/media" "$out/held"

# --- clips -------------------------------------------------------------------------------------
make_clip() { # $1 = video bitrate, $2 = output file, [$3 = AAC bitrate, $4 = channels, $5 = seconds, $6 = size]
    local vb="$1" file="$2" ab="${3:-64k}" channels="${4:-2}" seconds="${5:-60}" size="${6:-320x240}"
    [ -s "$file" ] && return 0
    log "generating $file ($seconds s, $size H.264 $vb + AAC $ab)"
    timeout 300 ffmpeg -hide_banner -loglevel error -y \
        -f lavfi -i "testsrc2=size=$size:rate=25" -f lavfi -i "sine=frequency=440:sample_rate=44100" \
        -t "$seconds" -c:v libx264 -preset veryfast -profile:v baseline -pix_fmt yuv420p -g 50 \
        -b:v "$vb" -maxrate "$vb" -bufsize "$((2 * ${vb%k}))k" \
        -c:a aac -b:a "$ab" -ac "$channels" -movflags +faststart "$file"
}
make_clip 200k "$out/media/clip-200k.mp4"
make_clip 800k "$out/media/clip-800k.mp4"
# For bench/targets.sh: about 100 kbit/s in all (the scale target), and one second (the setup burst: each
# session streams for a second, so what is measured is the control path).
make_clip 64k "$out/media/clip-100k.mp4" 32k 1
make_clip 64k "$out/media/tiny.mp4" 32k 1 1 160x120
if [ -z "$clip" ]; then
    clip="$out/media/clip-$variant.mp4"
    [ -s "$clip" ] || die "unknown --variant $variant (100k, 200k or 800k)"
fi
[ -s "$clip" ] || die "no such clip: $clip"
log "clip: $clip (serve the same file from Tributary for a fair comparison)"
[ "$generate_only" -eq 1 ] && exit 0

# --- load tool ---------------------------------------------------------------------------------
if [ ! -s "$jar" ]; then
    log "building the load tool"
    mvn -q -f "$root/pom.xml" -pl load-tool -am -DskipTests package
fi

gst_pid=""
cleanup() {
    if [ -n "$gst_pid" ] && kill -0 "$gst_pid" 2>/dev/null; then
        kill "$gst_pid" 2>/dev/null || true
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$gst_pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$gst_pid" 2>/dev/null || true
    fi
    gst_pid=""
}
trap cleanup EXIT INT TERM

wait_for_port() { # $1 = port; up to 15 s
    for _ in $(seq 1 30); do
        if timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; then return 0; fi
        sleep 0.5
    done
    return 1
}

start_gst() { # fresh server per run, so its peak RSS belongs to that run
    cleanup
    "$python" "$here/gst-rtsp-server.py" "$clip" "$gst_port" $gst_shared >"$out/logs/gst-rtsp-server.log" 2>&1 &
    gst_pid=$!
    wait_for_port "$gst_port" || die "gst-rtsp-server did not listen on $gst_port (see $out/logs/gst-rtsp-server.log)"
}

run_load() { # $1 = server name, $2 = url, $3 = pid (may be empty), $4 = N
    local name="$1" url="$2" pid="$3" n="$4"
    local json="$out/json/$name-$transport-n$n.json"
    local ramp=$(( (n + ${rate%.*} - 1) / ${rate%.*} ))
    local bound=$(( ramp + hold + 120 + 60 ))   # ramp + setup timeout + hold + teardown
    local args=(--url "$url" -n "$n" --rate "$rate" --duration "$hold" --transport "$transport"
                --json "$json" --label "$name N=$n $transport" --report-interval 5)
    [ -n "$pid" ] && args+=(--server-pid "$pid")
    log "$name: N=$n ($transport, ramp ~${ramp}s, hold ${hold}s)"
    # The steady state beside the whole run: the server's CPU per thread over up to 10 s of the hold.
    local held_pid=""
    if [ -n "$pid" ] && [ "$hold" -ge 8 ]; then
        local window=$(( hold - 5 < 10 ? hold - 5 : 10 ))
        ( sleep $(( ramp + 3 )) && "$python" "$here/held-cpu.py" "$pid" "$window" "$out/held/$name-$transport-n$n.json" ) \
            >/dev/null 2>&1 &
        held_pid=$!
    fi
    if ! timeout "$bound" "$java_bin" "${tool_jvm[@]}" -jar "$jar" "${args[@]}" >"$out/logs/$name-$transport-n$n.log" 2>&1; then
        log "$name N=$n: load tool failed or timed out (see $out/logs/$name-$transport-n$n.log)"
    fi
    [ -n "$held_pid" ] && { wait "$held_pid" 2>/dev/null || log "$name N=$n: no held CPU sample (the server ended before the window?)"; }
    tail -n 20 "$out/logs/$name-$transport-n$n.log" | grep -E "^(sessions|packets|jitter|server|load tool|PLAY)" || true
}

run_hls() { # $1 = viewers; Tributary only, named like the RTSP runs with "hls" for the transport
    local n="$1"
    local json="$out/json/tributary-hls-n$n.json" log_file="$out/logs/tributary-hls-n$n.log"
    local ramp=$(( (n + ${rate%.*} - 1) / ${rate%.*} ))
    local bound=$(( ramp + hold + 120 + 60 ))   # ramp + setup timeout + hold + the last loads
    local args=(--url "$hls_url" -n "$n" --rate "$rate" --duration "$hold"
                --json "$json" --label "tributary N=$n hls" --report-interval 5)
    [ -n "$tributary_pid" ] && args+=(--server-pid "$tributary_pid")
    log "tributary: N=$n HLS viewers of $hls_url (ramp ~${ramp}s, hold ${hold}s)"
    if ! timeout "$bound" "$java_bin" "${tool_jvm[@]}" -jar "$jar" "${args[@]}" >"$log_file" 2>&1; then
        log "tributary N=$n HLS: load tool failed or timed out (see $log_file)"
    fi
    tail -n 20 "$log_file" | grep -E "^(viewers|http errors|1st segment|segments|stalls|server|load tool)" || true
}

for n in $sessions; do
    if [ -n "$tributary_url" ]; then
        run_load tributary "$tributary_url" "$tributary_pid" "$n"
        sleep 3
    fi
    if [ "$run_gst" -eq 1 ]; then
        start_gst
        run_load gst-rtsp-server "rtsp://127.0.0.1:$gst_port/clip" "$gst_pid" "$n"
        cleanup
        sleep 2
    fi
done
for n in $hls_viewers; do
    run_hls "$n"
    sleep 3
done

# --- table -------------------------------------------------------------------------------------
results="$out/RESULTS.md"
"$python" - "$out/json" "$results" "$clip" "$transport" "$hold" "$rate" "${hls_url:-}" <<'PY'
import glob, json, os, platform, sys, time

json_dir, results, clip, transport, hold, rate, hls_url = sys.argv[1:8]
rows = {}
for path in sorted(glob.glob(os.path.join(json_dir, "*.json"))):
    with open(path) as f:
        d = json.load(f)
    hls = d["run"]["transport"] == "hls"
    name = os.path.basename(path).split("-hls-n" if hls else "-" + transport + "-n")[0] + (" HLS" if hls else "")
    n = d["sessions"]["requested"]
    rows[(name, n)] = d

def num(v, fmt):
    return "n/a" if v is None else fmt % v

def mb(kb):
    return "n/a" if kb is None or kb < 0 else "%.1f" % (kb / 1024.0)

def held(name, n, d):
    # CPU-ms per stream-second while every session was held (held-cpu.py), or "-" when not sampled
    path = os.path.join(os.path.dirname(json_dir), "held", "%s-%s-n%d.json" % (name, transport, n))
    streams = d["sessions"].get("ok") or d["sessions"].get("played") or 0
    try:
        with open(path) as f:
            h = json.load(f)
    except (OSError, ValueError):
        return "-"
    return "%.2f" % (1000.0 * h["cpuSeconds"] / h["seconds"] / streams) if streams else "-"

def row(name, n, d):
    # HLS rows: no RTP, so no loss or jitter; the first-packet column holds request->first segment, and the
    # CPU column is per viewer-second, computed as RTSP's per stream-second.
    s, srv, tool = d["sessions"], d["server"], d["loadTool"]
    hls = "hls" in d
    return "| %s | %d | %d/%d | %s | %s | %s | %s | %s | %s | %s |" % (
        name, n, s["ok"], s["requested"],
        "-" if hls else num(d["packets"]["lossPercent"], "%.3f"),
        "-" if hls else num(d["jitterMs"]["p99"], "%.2f"),
        num(d["firstSegmentMs" if hls else "firstPacketMs"]["p99"], "%.1f"),
        num(srv.get("cpuMsPerStreamSecond"), "%.2f"), "-" if hls else held(name, n, d), mb(srv.get("peakRssKb")),
        num(tool.get("cpuSeconds"), "%.1f"))

def hls_row(n, d):
    s, h, srv = d["sessions"], d["hls"], d["server"]
    rtsp = rows.get(("tributary", n))
    return "| %d | %d/%d | %s / %s | %d | %d in %d viewers | %.1f | %s | %s | %s |" % (
        n, s["ok"], s["requested"], num(d["firstSegmentMs"]["p50"], "%.1f"), num(d["firstSegmentMs"]["p99"], "%.1f"),
        h["segments"], h["stalls"], h["viewersStalled"], h["stalledSeconds"],
        ", ".join("%s %d" % e for e in sorted(s["errors"].items())) or "none",
        num(srv.get("cpuMsPerStreamSecond"), "%.2f"),
        num(rtsp["server"].get("cpuMsPerStreamSecond"), "%.2f") if rtsp else "no RTSP run at this N")

cpu = "unknown"
try:
    with open("/proc/cpuinfo") as f:
        cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
except Exception:
    pass
lines = ["# Tributary benchmark results", "",
         "- date: %s" % time.strftime("%Y-%m-%d %H:%M:%S %Z"),
         "- machine: %s, %d cores (%s), kernel %s" % (platform.node(), os.cpu_count(), cpu, platform.release()),
         "- clip: %s; transport %s; hold %s s after a ramp of %s sessions/s" % (clip, transport, hold, rate),
         "- load tool and server share the machine: the load tool's own CPU is listed to show that.", "",
         "- server CPU-ms per stream-s: the whole run (ramp, the JIT's first work, teardown), by the load tool;"
         " held: up to 10 s while every session plays (bench/held-cpu.py, per thread in held/).", "",
         "| server | N | sessions ok | loss % | jitter p99 ms | first-packet p99 ms | server CPU-ms per stream-s | held CPU-ms per stream-s | server peak RSS MB | load-tool CPU s |",
         "|---|---|---|---|---|---|---|---|---|---|"]
for (name, n) in sorted(rows, key=lambda k: (k[1], k[0])):
    lines.append(row(name, n, rows[(name, n)]))
hls_rows = [hls_row(n, rows[(name, n)]) for (name, n) in sorted(rows, key=lambda k: k[1]) if "hls" in rows[(name, n)]]
if hls_rows:
    lines += ["", "HLS viewers of %s (Tributary only; same hold and ramp rate; in the table above their first-packet"
              " column is request to first segment and their CPU is per viewer-second):" % hls_url, "",
              "| N | viewers ok | request->1st segment p50 / p99 ms | segments | stalls | stalled s | HTTP errors"
              " | server CPU-ms per viewer-s (HLS) | server CPU-ms per stream-s (RTSP, same N) |",
              "|---|---|---|---|---|---|---|---|---|"] + hls_rows
ns = sorted({n for (_, n) in rows})
ratio_lines = []
for n in ns:
    t, g = rows.get(("tributary", n)), rows.get(("gst-rtsp-server", n))
    if t and g:
        def ratio(a, b):
            return "n/a" if a is None or b in (None, 0) else "%.2f" % (a / b)
        ratio_lines.append("| %d | %s | %s |" % (n,
            ratio(t["server"].get("cpuMsPerStreamSecond"), g["server"].get("cpuMsPerStreamSecond")),
            ratio(t["server"].get("peakRssKb"), g["server"].get("peakRssKb"))))
if ratio_lines:
    lines += ["", "Tributary / gst-rtsp-server (lower is better):", "",
              "| N | CPU-ms per stream-s | peak RSS |", "|---|---|---|"] + ratio_lines
lines += ["", "Per-run JSON summaries: %s" % json_dir, ""]
with open(results, "w") as f:
    f.write("\n".join(lines))
print("\n".join(lines))
PY
log "results: $results"
