#!/usr/bin/env bash
# Makes the sample clips Tributary serves on first start, into the folder given as $1.
# Needs ffmpeg (scripts/install-tools.sh installs it); without it, it says so and leaves the folder empty.
# Clips already there are kept, so a rebuild does not redo them.
set -euo pipefail
out=${1:?usage: make-sample-media.sh OUTPUT_DIR}
mkdir -p "$out"
if ! command -v ffmpeg >/dev/null 2>&1; then
    echo "[sample-media] ffmpeg is not installed: no sample clips made in $out (run scripts/install-tools.sh)" >&2
    exit 0
fi
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
video=(-f lavfi -i "testsrc2=size=640x360:rate=25" -f lavfi -i "sine=frequency=440:sample_rate=48000")
h264=(-c:v libx264 -profile:v main -preset veryfast -pix_fmt yuv420p -g 25 -b:v 500k -c:a aac -b:a 96k -ac 2)
make() { # name, then ffmpeg arguments
    local name=$1; shift
    if [ ! -s "$out/$name" ]; then
        ff "$@" "$out/$name.tmp.${name##*.}" && mv "$out/$name.tmp.${name##*.}" "$out/$name"
        echo "[sample-media] made $out/$name"
    fi
}
make sample.mp4 "${video[@]}" -t 10 "${h264[@]}" -movflags +faststart
make sample.mov "${video[@]}" -t 10 "${h264[@]}"
make sample-hinted.mp4 "${video[@]}" -t 10 "${h264[@]}" -movflags +rtphint
make sample-hinted.mov "${video[@]}" -t 10 "${h264[@]}" -movflags +rtphint
make sample.mp3 -f lavfi -i "sine=frequency=440:sample_rate=44100" -t 10 -c:a libmp3lame -b:a 128k
encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null || true)
if [[ "$encoders" == *libx265* ]]; then
    make sample-hevc.mp4 -f lavfi -i "testsrc2=size=320x180:rate=25" -f lavfi -i "sine=frequency=550:sample_rate=48000" \
        -t 10 -c:v libx265 -preset ultrafast -x265-params log-level=error -g 25 -tag:v hvc1 -c:a aac -b:a 64k
fi
# A 3GPP clip: MPEG-4 Part 2 video and AMR-NB audio. Debian's ffmpeg has no AMR encoder, so the speech
# frames are made here (12.2 kbit/s frames of random bits: valid AMR that decodes as noise) and copied in.
if [ ! -s "$out/sample.3gp" ]; then
    amr=$(mktemp --suffix=.amr)
    { printf '#!AMR\n'; for _ in $(seq 500); do printf '\x3c'; head -c 31 /dev/urandom; done; } > "$amr"
    make sample.3gp -f lavfi -i "testsrc2=size=176x144:rate=15" -i "$amr" -t 10 -c:v mpeg4 -b:v 128k -c:a copy
    rm -f "$amr"
fi
# A channel's clips (channels/): three 8 s clips with the same codec parameters and different pictures and tones,
# so a looped channel of them crosses item boundaries a viewer can see and hear.
clip=(-c:v libx264 -profile:v main -preset veryfast -pix_fmt yuv420p -g 25 -keyint_min 25 -sc_threshold 0 -b:v 300k
      -c:a aac -b:a 64k -ac 2 -movflags +faststart)
mkdir -p "$out/channels" "$out/radio"
make channels/one.mp4 -f lavfi -i "testsrc2=size=320x180:rate=25" -f lavfi -i "sine=frequency=440:sample_rate=48000" \
    -t 8 "${clip[@]}"
make channels/two.mp4 -f lavfi -i "smptebars=size=320x180:rate=25" -f lavfi -i "sine=frequency=550:sample_rate=48000" \
    -t 8 "${clip[@]}"
make channels/three.mp4 -f lavfi -i "rgbtestsrc=size=320x180:rate=25" -f lavfi -i "sine=frequency=660:sample_rate=48000" \
    -t 8 "${clip[@]}"
# A radio station's songs (radio/): 6 s each, titled in their ID3 tags.
song() { # file, title, tone
    make "radio/$1" -f lavfi -i "sine=frequency=$3:sample_rate=44100" -t 6 -ac 2 -c:a libmp3lame -b:a 128k \
        -id3v2_version 3 -metadata title="$2" -metadata artist="Tributary Samples"
}
song first-song.mp3 "First Song" 392
song second-song.mp3 "Second Song" 494
song third-song.mp3 "Third Song" 587
# Longer and smaller clips for the tests: seeking (30 s) and many clients at once (tiny frames).
make long.mp4 -f lavfi -i "testsrc2=size=320x180:rate=25" -f lavfi -i "sine=frequency=660:sample_rate=48000" \
    -t 30 -c:v libx264 -preset veryfast -pix_fmt yuv420p -g 25 -b:v 300k -c:a aac -b:a 64k -movflags +faststart
make tiny.mp4 -f lavfi -i "testsrc2=size=160x96:rate=25" -f lavfi -i "sine=frequency=330:sample_rate=48000" \
    -t 10 -c:v libx264 -preset veryfast -pix_fmt yuv420p -g 25 -b:v 100k -c:a aac -b:a 32k -movflags +faststart
