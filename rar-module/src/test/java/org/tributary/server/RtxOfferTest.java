package org.tributary.server;

import org.junit.jupiter.api.Test;
import org.tributary.rtsp.header.TransportSpec;
import org.tributary.sdp.Attribute;
import org.tributary.session.RtxLimits;
import org.tributary.source.SourceTrack;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The SDP lines that offer retransmission, and which SETUP transports take it. */
class RtxOfferTest {

    private static final RtxLimits LIMITS = new RtxLimits(500, 10, 3, 100_000);
    private static final SourceTrack AAC = new SourceTrack(1, "audio", 97, 48000, "MPEG4-GENERIC", 96,
            List.of("rtpmap:97 MPEG4-GENERIC/48000/2", "fmtp:97 streamtype=5"));
    private static final SourceTrack MPA = new SourceTrack(0, "audio", 14, 90000, "MPA", 128, List.of());

    @Test
    void theRtxTypeIsTheNextDynamicTypeOr96ForAStaticOne() {
        assertEquals(97, RtxOffer.payloadType(96));
        assertEquals(126, RtxOffer.payloadType(127));
        assertEquals(96, RtxOffer.payloadType(14));
        assertEquals(96, RtxOffer.payloadType(0));
    }

    @Test
    void anOfferedTrackIsAvpfWithNackRtpmapAndFmtpKeepingTheChannelCount() {
        RtxOffer offer = new RtxOffer();
        offer.limits(LIMITS);
        assertEquals("RTP/AVPF", offer.protocol());
        assertArrayEquals(new String[] {"97", "98"}, offer.formats(AAC));
        assertEquals(List.of(Attribute.of("rtcp-fb", "97 nack"), Attribute.of("rtpmap", "98 rtx/48000/2"),
                Attribute.of("fmtp", "98 apt=97;rtx-time=500")), offer.attributes(AAC));
        assertEquals(List.of(Attribute.of("rtcp-fb", "14 nack"), Attribute.of("rtpmap", "96 rtx/90000"),
                Attribute.of("fmtp", "96 apt=14;rtx-time=500")), offer.attributes(MPA));
    }

    @Test
    void unsetOrAZeroShareOffersPlainAvp() {
        RtxOffer offer = new RtxOffer();
        assertEquals("RTP/AVP", offer.protocol());
        assertArrayEquals(new String[] {"97"}, offer.formats(AAC));
        assertEquals(List.of(), offer.attributes(AAC));
        offer.limits(new RtxLimits(500, 0, 3, 100_000));
        assertEquals("RTP/AVP", offer.protocol());
        assertNull(offer.takenBy(TransportSpec.parse("RTP/AVPF;unicast;client_port=5000-5001")));
    }

    @Test
    void onlyAvpfOverUnicastUdpTakesIt() {
        RtxOffer offer = new RtxOffer();
        offer.limits(LIMITS);
        assertSame(LIMITS, offer.takenBy(TransportSpec.parse("RTP/AVPF;unicast;client_port=5000-5001")));
        assertSame(LIMITS, offer.takenBy(TransportSpec.parse("RTP/AVPF/UDP;unicast;client_port=5000-5001")));
        assertNull(offer.takenBy(TransportSpec.parse("RTP/AVP;unicast;client_port=5000-5001")));
        assertNull(offer.takenBy(TransportSpec.parse("RTP/AVPF/TCP;unicast;interleaved=0-1")));
        assertNull(offer.takenBy(TransportSpec.parse("RTP/AVPF;multicast")));
    }

    @Test
    void itIsOfferedOnlyToThePlayersNamedByTheirUserAgent() {
        RtxOffer offer = new RtxOffer();
        offer.limits(LIMITS);
        offer.players("GStreamer, libwebrtc");
        assertEquals("RTP/AVPF", offer.offeredTo("GStreamer/1.22.0").protocol());
        assertEquals("RTP/AVPF", offer.offeredTo("gstreamer/1.24").protocol(), "case does not matter");
        assertEquals("RTP/AVP", offer.offeredTo("LibVLC/3.0.18 (LIVE555 Streaming Media v2022.07.14)").protocol(),
                "live555 reads only RTP/AVP m= lines");
        assertEquals("RTP/AVP", offer.offeredTo("QuickTime/7.7.9").protocol());
        assertEquals("RTP/AVP", offer.offeredTo(null).protocol(), "no User-Agent: plain AVP");
        assertArrayEquals(new String[] {"97"}, offer.offeredTo("Lavf60.16.100").formats(AAC));
        offer.players("all");
        assertEquals("RTP/AVPF", offer.offeredTo("LibVLC/3.0.18").protocol());
    }
}
