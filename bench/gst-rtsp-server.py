#!/usr/bin/python3
"""Serves one .mp4 (H.264 video + AAC audio) at rtsp://127.0.0.1:PORT/clip with gst-rtsp-server,
as the reference server for Tributary's benchmark.

Usage: gst-rtsp-server.py FILE.mp4 PORT [--shared] [--address 127.0.0.1]

Each client gets its own pipeline (like a video-on-demand server reading the file per session)
unless --shared is given, in which case all clients share one pipeline.
Needs Debian packages: python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-good
gstreamer1.0-plugins-bad (h264parse) gstreamer1.0-plugins-base.
"""
import argparse
import os
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def launch_line(path):
    # Quote the location for gst_parse_launch: backslash-escape quotes and backslashes.
    location = path.replace("\\", "\\\\").replace('"', '\\"')
    return (
        '( filesrc location="%s" ! qtdemux name=demux '
        "demux.video_0 ! queue ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 "
        "demux.audio_0 ! queue ! aacparse ! rtpmp4gpay name=pay1 pt=97 )" % location
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the .mp4 to serve (H.264 + AAC)")
    parser.add_argument("port", type=int, help="RTSP port, e.g. 8654")
    parser.add_argument("--address", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--shared", action="store_true", help="one pipeline shared by all clients")
    args = parser.parse_args()
    if not os.path.isfile(args.file):
        sys.exit("no such file: %s" % args.file)

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address(args.address)
    server.set_service(str(args.port))
    server.set_backlog(1024)

    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(launch_line(os.path.abspath(args.file)))
    factory.set_shared(args.shared)
    server.get_mount_points().add_factory("/clip", factory)

    if server.attach(None) == 0:
        sys.exit("could not listen on %s:%d" % (args.address, args.port))

    loop = GLib.MainLoop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    print("gst-rtsp-server: rtsp://%s:%d/clip serving %s (pid %d)"
          % (args.address, args.port, args.file, os.getpid()), flush=True)
    loop.run()


if __name__ == "__main__":
    main()
