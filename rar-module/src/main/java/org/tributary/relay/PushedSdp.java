package org.tributary.relay;

import org.tributary.source.SourceTrack;

import java.util.List;

/** The SDP a push relay announces for a stream's tracks: each track's attributes and a control to SET it UP by. */
final class PushedSdp {

    private PushedSdp() {
    }

    static String of(String sessionName, List<SourceTrack> tracks) {
        StringBuilder sdp = new StringBuilder()
                .append("v=0\r\n")
                .append("o=- 0 0 IN IP4 127.0.0.1\r\n")
                .append("s=").append(sessionName).append("\r\n")
                .append("c=IN IP4 0.0.0.0\r\n")
                .append("t=0 0\r\n")
                .append("a=control:*\r\n");
        for (SourceTrack track : tracks) {
            sdp.append("m=").append(track.media()).append(" 0 RTP/AVP ").append(track.payloadType()).append("\r\n");
            if (track.bitrateKbps() > 0) {
                sdp.append("b=AS:").append(track.bitrateKbps()).append("\r\n");
            }
            for (String attribute : track.sdpAttributes()) {
                sdp.append("a=").append(attribute).append("\r\n");
            }
            sdp.append("a=control:").append(track.control()).append("\r\n");
        }
        return sdp.toString();
    }
}
