package org.tributary.server;

import org.tributary.sdp.Attribute;
import org.tributary.sdp.Bandwidth;
import org.tributary.sdp.Connection;
import org.tributary.sdp.MediaDescription;
import org.tributary.sdp.Origin;
import org.tributary.sdp.SdpWriter;
import org.tributary.sdp.SessionDescription;
import org.tributary.session.MulticastGroups;
import org.tributary.source.MediaSource;
import org.tributary.source.SourceTrack;


/** The SDP of a DESCRIBE answer (RFC 4566), built from a source's tracks. */
final class SdpBuilder {

    private SdpBuilder() {
    }

    /**
     * @param multicast the group of a multicast-only path: the SDP names it with its TTL (c=IN IP4 group/ttl)
     *                  and each track's group port, so a player knows where to listen; null for unicast
     * @param rtx       what retransmission is offered (never on a multicast group, which does not retransmit)
     */
    static String describe(MediaSource source, String serverAddress, MulticastGroups.Group multicast, RtxOffer rtx) {
        RtxOffer offer = multicast == null ? rtx : RtxOffer.none();
        String version = Long.toString(System.currentTimeMillis() / 1000);
        SessionDescription.Builder sdp = SessionDescription.builder()
                .origin(Origin.of(Long.toString(Math.abs((long) source.name().hashCode())), version, serverAddress))
                .sessionName(source.name())
                .connection(Connection.of(multicast == null ? "0.0.0.0"
                        : multicast.address().getHostAddress() + "/" + multicast.ttl()))
                .attribute("tool", "Tributary")
                .attribute("control", "*");
        double duration = source.durationSeconds();
        sdp.attribute("range", Double.isInfinite(duration) ? "npt=now-"
                : "npt=0-" + org.tributary.rtsp.header.Numerals.threeDecimals(duration));
        long total = 0;
        for (SourceTrack track : source.tracks()) {
            total += track.bitrateKbps();
            int port = multicast == null ? 0 : multicast.rtpPort(track.index());
            MediaDescription.Builder media = MediaDescription.builder(track.media(), port, offer.protocol(),
                    offer.formats(track));
            if (track.bitrateKbps() > 0) {
                media.bandwidth(Bandwidth.as(track.bitrateKbps()));
            }
            for (String line : track.sdpAttributes()) {
                int colon = line.indexOf(':');
                media.attribute(colon < 0 ? Attribute.flag(line) : Attribute.of(line.substring(0, colon), line.substring(colon + 1)));
            }
            offer.attributes(track).forEach(media::attribute);
            media.attribute("control", track.control());
            sdp.media(media.build());
        }
        if (total > 0) {
            sdp.bandwidth(Bandwidth.as(total));
        }
        return SdpWriter.write(sdp.build());
    }
}
