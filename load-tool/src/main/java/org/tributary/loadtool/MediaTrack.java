package org.tributary.loadtool;

import java.net.InetSocketAddress;
import org.tributary.loadtool.rtp.TrackReceiver;
import org.tributary.loadtool.rtp.UdpPortPair;

/**
 * One SETUP track of a session: its receiver and where its RTCP goes (the server's RTCP port for
 * UDP, or the interleaved RTCP channel for TCP and HTTP).
 */
final class MediaTrack {
    final TrackReceiver receiver;
    final String controlUrl;
    UdpPortPair udp;
    InetSocketAddress serverRtcp;
    int rtpChannel = -1;
    int rtcpChannel = -1;

    MediaTrack(TrackReceiver receiver, String controlUrl) {
        this.receiver = receiver;
        this.controlUrl = controlUrl;
    }
}
