package org.tributary.loadtool.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class RtspHeadersTest {

    @Test
    void urlSplitsOffCredentials() {
        RtspUrl url = RtspUrl.parse("rtsp://admin:p%40ss@127.0.0.1:8554/live/clip.mp4?x=1");
        assertEquals("admin", url.user());
        assertEquals("p@ss", url.password());
        assertEquals("127.0.0.1", url.host());
        assertEquals(8554, url.port());
        assertEquals("rtsp://127.0.0.1:8554/live/clip.mp4?x=1", url.requestUri());
        assertFalse(RtspUrl.parse("rtsp://h/a").hasCredentials());
        assertEquals(554, RtspUrl.parse("rtsp://h/a").port());
    }

    @Test
    void controlUrlsResolveAgainstTheBase() {
        assertEquals("rtsp://h:1/clip/trackID=1", RtspUrl.resolveControl("rtsp://h:1/clip/", "trackID=1"));
        assertEquals("rtsp://h:1/clip/stream=0", RtspUrl.resolveControl("rtsp://h:1/clip", "stream=0"));
        assertEquals("rtsp://h:1/clip", RtspUrl.resolveControl("rtsp://h:1/clip", "*"));
        assertEquals("rtsp://o/x", RtspUrl.resolveControl("rtsp://h:1/clip", "rtsp://o/x"));
        assertEquals("rtsp://h:1/abs", RtspUrl.resolveControl("rtsp://h:1/clip/", "/abs"));
    }

    @Test
    void sdpGivesTracksWithClockRatesAndControls() {
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=clip\r\nt=0 0\r\na=control:*\r\n"
                + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:stream=0\r\n"
                + "m=audio 0 RTP/AVP 97\r\na=rtpmap:97 MPEG4-GENERIC/44100/2\r\na=control:stream=1\r\n"
                + "m=audio 0 RTP/AVP 0\r\na=control:stream=2\r\n";
        SdpDescription d = SdpDescription.parse(sdp);
        assertEquals("*", d.sessionControl());
        assertEquals(3, d.tracks().size());
        assertEquals(new SdpTrack("video", 96, "H264", 90000, "stream=0"), d.tracks().get(0));
        assertEquals(new SdpTrack("audio", 97, "MPEG4-GENERIC", 44100, "stream=1"), d.tracks().get(1));
        assertEquals(8000, d.tracks().get(2).clockRate());
    }
}
