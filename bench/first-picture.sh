#!/usr/bin/env bash
# Time from starting a player to its first decoded picture of a live stream, with a real player.
#
#   bench/first-picture.sh NAME PUBLISH_URL PLAY_URL CLIP [TRIES]
#
# ffmpeg publishes the CLIP's video in a loop (-re -c copy, RTSP ANNOUNCE/RECORD over TCP) to PUBLISH_URL
# (or, with PUBLISH_URL "-", nothing is published: PLAY_URL is a file, the baseline); then TRIES times
# (default 20), at a random moment of the clip's group of pictures, a new ffmpeg opens PLAY_URL over UDP
# and decodes one picture (-frames:v 1). Each try's wall time, process start included, is a sample; prints
# "NAME: first picture ms p50 P50, p90 P90, max MAX (n=TRIES)". The player does not probe
# (-analyzeduration 0 -probesize 32: the SDP's parameter sets describe the stream); ffmpeg's default probing
# would first read about a second of frames to estimate the frame rate, from any server.
set -euo pipefail
name="$1" publish="$2" play="$3" clip="$4" tries="${5:-20}"
if [ "$publish" != "-" ]; then
    ffmpeg -hide_banner -nostdin -loglevel error -re -stream_loop -1 -i "$clip" -an -c copy \
        -f rtsp -rtsp_transport tcp "$publish" &
    publisher=$!
    trap 'kill "$publisher" 2>/dev/null || true; wait "$publisher" 2>/dev/null || true' EXIT
    sleep 3
fi
samples=()
for _ in $(seq 1 "$tries"); do
    sleep "0.$(( RANDOM % 10 ))$(( RANDOM % 10 ))" # land anywhere in a GOP
    t0=$(date +%s%N)
    if timeout 20 ffmpeg -hide_banner -nostdin -loglevel error -analyzeduration 0 -probesize 32 \
            -rtsp_transport udp -i "$play" -frames:v 1 -f null - 2>/dev/null; then
        samples+=($(( ($(date +%s%N) - t0) / 1000000 )))
    else
        echo "$name: a try decoded no picture within 20 s" >&2
    fi
done
[ ${#samples[@]} -gt 0 ] || { echo "$name: no picture decoded" >&2; exit 1; }
printf '%s\n' "${samples[@]}" | sort -n | awk -v name="$name" '
    { v[NR] = $1 }
    END { p50 = v[int((NR + 1) / 2)]; p90 = v[int(NR * 0.9 + 0.5) > 0 ? int(NR * 0.9 + 0.5) : 1];
          printf "%s: first picture ms p50 %d, p90 %d, max %d (n=%d)\n", name, p50, p90, v[NR], NR }'
