#!/usr/bin/python3
"""Serves one .mp4 (H.264 video + AAC audio) at rtsp://127.0.0.1:PORT/clip with gst-rtsp-server,
as the reference server for Tributary's benchmark.

Usage: gst-rtsp-server.py FILE.mp4 PORT [--shared] [--address 127.0.0.1]
       gst-rtsp-server.py --live MOUNT PORT [--bridge-port 5998] [--address 127.0.0.1]

With --live, gst-rtsp-server is a live reflector for H.264: a publisher ANNOUNCEs and RECORDs to
rtsp://ADDRESS:PORT/MOUNT-in (a RECORD media factory) and every viewer PLAYs rtsp://ADDRESS:PORT/MOUNT (one
shared PLAY media factory). gst-rtsp-server has no way to hand one media's buffers to another, so the recording
media sends its RTP to 127.0.0.1:BRIDGE_PORT and the shared media receives it there: one extra loopback hop
for the one incoming stream, none per viewer.

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


def record_launch(bridge_port):
    return ("( rtph264depay name=depay0 ! rtph264pay pt=96 config-interval=-1 ! "
            "udpsink host=127.0.0.1 port=%d sync=false async=false )" % bridge_port)


def play_launch(bridge_port):
    return ('( udpsrc address=127.0.0.1 port=%d caps="application/x-rtp,media=video,clock-rate=90000,'
            'encoding-name=H264,payload=96" ! rtph264depay ! rtph264pay name=pay0 pt=96 config-interval=-1 )'
            % bridge_port)


def add_live_mounts(server, mount, bridge_port):
    record = GstRtspServer.RTSPMediaFactory()
    record.set_transport_mode(GstRtspServer.RTSPTransportMode.RECORD)
    record.set_launch(record_launch(bridge_port))
    play = GstRtspServer.RTSPMediaFactory()
    play.set_launch(play_launch(bridge_port))
    play.set_shared(True)
    mounts = server.get_mount_points()
    mounts.add_factory("/" + mount + "-in", record)
    mounts.add_factory("/" + mount, play)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the .mp4 to serve (H.264 + AAC), or with --live the mount, e.g. live/bench")
    parser.add_argument("port", type=int, help="RTSP port, e.g. 8654")
    parser.add_argument("--address", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--shared", action="store_true", help="one pipeline shared by all clients")
    parser.add_argument("--live", action="store_true", help="a live reflector: record at MOUNT-in, play at MOUNT")
    parser.add_argument("--bridge-port", type=int, default=5998, help="loopback UDP port between the two (--live)")
    args = parser.parse_args()
    if not args.live and not os.path.isfile(args.file):
        sys.exit("no such file: %s" % args.file)

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address(args.address)
    server.set_service(str(args.port))
    server.set_backlog(1024)

    if args.live:
        mount = args.file.strip("/")
        add_live_mounts(server, mount, args.bridge_port)
        what = "records at rtsp://%s:%d/%s-in, plays at rtsp://%s:%d/%s" % (
            args.address, args.port, mount, args.address, args.port, mount)
    else:
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(launch_line(os.path.abspath(args.file)))
        factory.set_shared(args.shared)
        server.get_mount_points().add_factory("/clip", factory)
        what = "rtsp://%s:%d/clip serving %s" % (args.address, args.port, args.file)

    if server.attach(None) == 0:
        sys.exit("could not listen on %s:%d" % (args.address, args.port))

    loop = GLib.MainLoop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    print("gst-rtsp-server: %s (pid %d)" % (what, os.getpid()), flush=True)
    loop.run()


if __name__ == "__main__":
    main()
