#!/usr/bin/env python3
"""A gst-rtsp-server for RelayIT: serves a 25 fps H.264 test picture at rtsp://127.0.0.1:PORT/x until killed.

Usage: gst-rtsp-source.py PORT. Exits 3 when the GStreamer RTSP server bindings are missing
(scripts/install-tools.sh installs them)."""
import sys

try:
    import gi
    gi.require_version("Gst", "1.0")
    gi.require_version("GstRtspServer", "1.0")
    from gi.repository import Gst, GstRtspServer, GLib
except (ImportError, ValueError) as missing:
    print("missing: " + str(missing), file=sys.stderr)
    sys.exit(3)

Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(sys.argv[1])
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch("( videotestsrc is-live=true ! video/x-raw,width=320,height=240,framerate=25/1 "
                   "! openh264enc gop-size=25 ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )")
factory.set_shared(True)
server.get_mount_points().add_factory("/x", factory)
server.attach(None)
print("ready", flush=True)
GLib.MainLoop().run()
