#!/usr/bin/env bash
# Installs the Debian packages Tributary's build and tests use: ffmpeg (sample media, test client),
# GStreamer (second test client and, with gstreamer1.0-rtsp, its rtspclientsink publisher), AWStats (reads the access log in the logs tests), mpg123 (MP3-over-HTTP
# client), Chromium and its WebDriver (the console browser tests), iproute2 (ip: the multicast test checks the route),
# nftables (nft: the skip-protection test drops packets), python3-gi with gst-rtsp-server's bindings (the relay test's
# source server). Does nothing for packages already installed.
set -euo pipefail
packages=(ffmpeg gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good
          gstreamer1.0-plugins-bad gstreamer1.0-libav gstreamer1.0-rtsp awstats mpg123 chromium chromium-driver iproute2
          nftables python3-gi gir1.2-gst-rtsp-server-1.0)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "[install-tools] all tools present"
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "[install-tools] missing packages: ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
    exit 1
fi
echo "[install-tools] installing: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "[install-tools] done"
