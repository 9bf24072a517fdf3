#!/usr/bin/env bash
# Issue #18's performance targets, all in one run against one running Tributary, each beside what it asks for.
# bench/benchmark.sh --targets starts Tributary (empty database, a broadcaster account) and calls this script.
#
#   bench/targets.sh --tributary-pid PID --out DIR [--server-log FILE]
#                    [--burst 2000] [--ramp "1000 200"] [--cost 1000] [--cost-hold 20]
#                    [--scale "2500 5000 10000"] [--scale-rate 250] [--scale-hold 60]
#                    [--live 5000] [--live-hold 30] [--no-gst] [--skip control,cost,scale,live]
#
# The parts, in order (each one load-tool run or more; nothing else should run on the machine):
#  control  the setup burst: unmeasured warm-up bursts until the server's JIT has settled (a burst costs it
#           under 0.25 s of compiling, by jstat; at most 25), then --burst sessions of a one-second clip
#           (tiny.mp4) started at once (--rate 4000, 256 handshake threads), then a ramp ("N RATE"): setups a
#           second, setup / PLAY->first packet / TEARDOWN latency, refused requests.
#  cost     --cost UDP sessions of the 800 kbit/s clip, held --cost-hold s, beside gst-rtsp-server serving the same
#           file (bench/run-benchmark.sh): server CPU per stream-second over the whole run and while held, loss,
#           audio jitter.
#  scale    each N of --scale sessions of the 100 kbit/s clip (clip-100k.mp4) held --scale-hold s: loss, jitter,
#           the server's threads while held (which one saturates), memory per session (RSS and live heap after a
#           full GC, against the idle server before the run; the GC is forced 4 s before the hold ends).
#  live     one publisher (the broadcaster account in BENCH_CASTER_PASSWORD, user bench-caster, allowed under
#           live/) to --live UDP viewers for --live-hold s, then the same against gst-rtsp-server as a reflector.
#
# A load-tool process holds one TCP and four UDP sockets per session, and a process may open at most `ulimit -Hn`
# files (20,000 on these machines), so a run of more sessions than one process can hold is split over several
# processes started together, each with its share of the sessions and the rate, and their JSON merged: counts
# and stream-seconds add up, the server's CPU is the largest any process measured over its own window (they
# overlap), and a percentile is the worst process's (an upper bound of the whole run's).
# BENCH_SESSIONS_PER_PROCESS sets a smaller share per process (to try the split with few sessions).
# The table goes to DIR/RESULTS-targets.md; JSON, held-CPU samples and logs to DIR/targets/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$root/load-tool/target/tributary-load-tool-0.1.0-SNAPSHOT.jar"
python=/usr/bin/python3
read -r -a tool_jvm <<< "${LOAD_TOOL_JVM:--Xss512k -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xms2g -Xmn1500m}"

pid="" out="" server_log=""
burst=2000 ramp="1000 200" cost=1000 cost_hold=20 scale="2500 5000 10000" scale_rate=250 scale_hold=60
live=5000 live_hold=30 run_gst=1 skip=""
usage() { sed -n '2,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --tributary-pid) pid="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --server-log) server_log="$2"; shift 2 ;;
        --burst) burst="$2"; shift 2 ;;
        --ramp) ramp="$2"; shift 2 ;;
        --cost) cost="$2"; shift 2 ;;
        --cost-hold) cost_hold="$2"; shift 2 ;;
        --scale) scale="$2"; shift 2 ;;
        --scale-rate) scale_rate="$2"; shift 2 ;;
        --scale-hold) scale_hold="$2"; shift 2 ;;
        --live) live="$2"; shift 2 ;;
        --live-hold) live_hold="$2"; shift 2 ;;
        --no-gst) run_gst=0; shift ;;
        --skip) skip="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done
log() { echo "[targets] $*"; }
die() { echo "[targets] error: $*" >&2; exit 1; }
[ -n "$pid" ] && [ -d "/proc/$pid" ] || die "--tributary-pid: no such process '$pid'"
[ -n "$out" ] || die "--out is required"
read -r ramp_n ramp_rate <<< "$ramp"
for v in "$burst" "$ramp_n" "$cost" "$cost_hold" "$scale_rate" "$scale_hold" "$live" "$live_hold" $scale; do
    [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -ge 1 ] || die "not a positive whole number: '$v'"
done
[[ "$ramp_rate" =~ ^[0-9]+$ ]] || die "--ramp takes \"SESSIONS RATE\""
wants() { [[ ",$skip," != *",$1,"* ]]; }

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
max_files="$(ulimit -n)"
per_process="${BENCH_SESSIONS_PER_PROCESS:-$(( (max_files - 1000) / 5 ))}"
[ "$per_process" -ge 10 ] || die "at least 10 sessions per load-tool process (open files limit $max_files)"
log "open files: $max_files per process, so at most $per_process sessions per load-tool process"

t="$out/targets"
mkdir -p "$t" "$out/logs"
bash "$here/run-benchmark.sh" --generate-only --out "$out" >/dev/null
[ -s "$jar" ] || mvn -B -q -f "$root/pom.xml" -pl load-tool -am -DskipTests package

# One load-tool process: $1 json/log name, then its arguments.
tool() {
    local name="$1"; shift
    timeout 900 java "${tool_jvm[@]}" -jar "$jar" --json "$t/$name.json" --label "$name" "$@" \
        >"$t/$name.log" 2>&1 || log "$name: the load tool failed or timed out (see $t/$name.log)"
}

# N sessions split over as many processes as the files limit needs, started together: $1 name, $2 N, $3 rate,
# $4 hold, $5 server pid, $6 url, [$7 publisher url: process 0 publishes first, the others start 5 s later and
# process 0 holds 5 s longer]. Writes $t/$1-pK.json and the merge $t/$1.json.
run_split() {
    local name="$1" n="$2" rate="$3" hold="$4" spid="$5" url="$6" publish="${7:-}"
    local k=$(( (n + per_process - 1) / per_process )) i pids=()
    rm -f "$t/$name".json "$t/$name"-p*.json
    log "$name: $n sessions at $rate/s held ${hold}s, $k load-tool process(es) (load $(cut -d' ' -f1-3 /proc/loadavg))"
    for ((i = 0; i < k; i++)); do
        local ni=$(( n / k + (i < n % k ? 1 : 0) ))
        local ri
        ri="$(awk -v r="$rate" -v a="$ni" -v b="$n" 'BEGIN { printf "%.2f", r * a / b }')"
        local args=(--url "$url" -n "$ni" --rate "$ri" --duration "$hold" --server-pid "$spid" --report-interval 10
                    --udp-port-base $(( 10000 + i * (4 * per_process + 200) )))
        if [ -n "$publish" ]; then
            if [ "$i" -eq 0 ]; then
                # No --publish-lead: gst-rtsp-server's shared PLAY media (gst-rtsp-server.py --live) stops
                # answering when the publisher has sent for seconds before its first viewer comes.
                args+=(--publish 1 --publish-url "$publish" --duration $(( hold + 5 )))
            else
                sleep 5
            fi
        fi
        tool "$name-p$i" "${args[@]}" &
        pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p" || true; done
    [ -n "$publish" ] && sed -i "s/${BENCH_CASTER_PASSWORD:-no-secret}/***/g" "$t/$name"-p*.json "$t/$name"-p*.log
    "$python" "$here/merge-runs.py" "$t/$name.json" "$t/$name"-p*.json || log "$name: nothing to merge"
    grep -hE "^(sessions|packets|rtsp errors)" "$t/$name"-p*.log || true
}

# After a full GC: the server's live heap, its committed heap and its RSS (kB): "USED COMMITTED RSS". RSS less the
# committed heap is the rest: thread stacks, direct and native buffers, metaspace, code.
memory() {
    local heap rss
    jcmd "$pid" GC.run >/dev/null 2>&1 || true
    sleep 1
    heap="$(jcmd "$pid" GC.heap_info 2>/dev/null | sed -nE \
        's/^ *(PSYoungGen|ParOldGen|garbage-first heap|def new generation|tenured generation) +total ([0-9]+)K, used ([0-9]+)K.*/\3 \2/p' \
        | awk '{ u += $1; c += $2 } END { print u + 0, c + 0 }')"
    rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")"
    echo "$heap $rss"
}

started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
if wants control; then
    url="rtsp://127.0.0.1:8554/tiny.mp4"
    # A server that has run for a minute is still compiling what each session runs once (its SDP, its SETUP):
    # C2 reaches such a method after thousands of sessions, one compile thread on two cores, and in the first
    # bursts it took half the server's CPU. Warm up until a burst costs the JIT under 0.25 s (jstat), at most 25.
    compile_seconds() { jstat -compiler "$pid" 2>/dev/null | awk 'NR == 2 { print $4 }'; }
    before="$(compile_seconds)"
    : > "$t/control-warmup.txt"
    for w in $(seq 1 25); do
        tool "control-warmup-$w" --url "$url" -n "$burst" --rate 4000 --connect-threads 256 --duration 1 -q
        after="$(compile_seconds)"
        jit="$(awk -v a="${after:-0}" -v b="${before:-0}" 'BEGIN { printf "%.2f", a - b }')"
        before="$after"
        log "control: warm-up burst $w ($burst sessions of a one-second clip): the JIT compiled for ${jit} s"
        echo "$w $jit" >> "$t/control-warmup.txt"
        [ -n "$after" ] || { [ "$w" -ge 3 ] && break; continue; }   # no jstat: three bursts
        awk -v j="$jit" 'BEGIN { exit !(j < 0.25) }' && break
    done
    log "control: $burst sessions at once"
    tool control-burst --url "$url" -n "$burst" --rate 4000 --connect-threads 256 --duration 5 --server-pid "$pid" -q
    log "control: $ramp_n sessions at $ramp_rate/s"
    tool control-ramp --url "$url" -n "$ramp_n" --rate "$ramp_rate" --connect-threads 256 --duration 5 \
        --server-pid "$pid" -q
    grep -hE "^(time|sessions|rtsp errors|setup|PLAY)" "$t"/control-burst.log "$t"/control-ramp.log || true
fi
if wants cost; then
    gst=(); [ "$run_gst" -eq 1 ] || gst=(--no-gst)
    log "cost: $cost sessions of the 800 kbit/s clip, held ${cost_hold}s, beside gst-rtsp-server"
    bash "$here/run-benchmark.sh" --tributary-url "rtsp://127.0.0.1:8554/clip-800k.mp4" --tributary-pid "$pid" \
        --sessions "$cost" --hold "$cost_hold" --rate 50 --variant 800k --out "$out" "${gst[@]}" \
        >"$t/cost.log" 2>&1 || log "cost: run-benchmark.sh failed (see $t/cost.log)"
    for s in tributary gst-rtsp-server; do
        [ -s "$out/json/$s-udp-n$cost.json" ] && cp "$out/json/$s-udp-n$cost.json" "$t/cost-$s.json"
        [ -s "$out/held/$s-udp-n$cost.json" ] && cp "$out/held/$s-udp-n$cost.json" "$t/cost-$s-held.json"
    done
fi
if wants scale; then
    for n in $scale; do
        sleep 5
        idle="$(memory)"
        ramp_s=$(( (n + scale_rate - 1) / scale_rate ))
        # While held: the threads over 10 s, then the memory 4 s before the hold ends.
        ( sleep $(( ramp_s + 8 )) && "$python" "$here/held-cpu.py" "$pid" 10 "$t/scale-n$n-held.json" ) \
            >/dev/null 2>&1 &
        held=$!
        ( sleep $(( ramp_s + scale_hold - 4 )) && echo "$idle $(memory)" > "$t/scale-n$n-memory.txt" ) &
        mem=$!
        run_split "scale-n$n" "$n" "$scale_rate" "$scale_hold" "$pid" "rtsp://127.0.0.1:8554/clip-100k.mp4"
        wait "$held" || log "scale N=$n: no held CPU sample"
        wait "$mem" || log "scale N=$n: no memory sample"
    done
fi
if wants live; then
    if [ -z "${BENCH_CASTER_PASSWORD:-}" ]; then
        log "live: skipped (no BENCH_CASTER_PASSWORD; bench/benchmark.sh --targets makes the account)"
    else
        sleep 5
        run_split live-tributary "$live" 250 "$live_hold" "$pid" "rtsp://127.0.0.1:8554/live/bench" \
            "rtsp://bench-caster:$BENCH_CASTER_PASSWORD@127.0.0.1:8554/live/bench"
        if [ "$run_gst" -eq 1 ]; then
            "$python" "$here/gst-rtsp-server.py" --live live/bench 8654 >"$t/gst-rtsp-server-live.log" 2>&1 &
            gst_pid=$!
            sleep 2
            if kill -0 "$gst_pid" 2>/dev/null; then
                run_split live-gst-rtsp-server "$live" 250 "$live_hold" "$gst_pid" \
                    "rtsp://127.0.0.1:8654/live/bench" "rtsp://127.0.0.1:8654/live/bench-in"
                kill "$gst_pid" 2>/dev/null || true
                wait "$gst_pid" 2>/dev/null || true
            else
                log "live: gst-rtsp-server did not start (see $t/gst-rtsp-server-live.log)"
            fi
        fi
    fi
fi

"$python" "$here/targets-table.py" "$t" "$started" "$burst" "$ramp_n" "$ramp_rate" "$cost" "$scale" "$live" \
    "${server_log:-}" > "$out/RESULTS-targets.md"
cat "$out/RESULTS-targets.md"
log "results: $out/RESULTS-targets.md"
