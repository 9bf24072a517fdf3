package org.tributary.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SdpWriterParserTest {

    private static final String H264_FMTP = "96 packetization-mode=1;profile-level-id=42C01E;"
            + "sprop-parameter-sets=Z0LAHtkDxWhAAAADAEAAAAwDxYuS,aMuMsg==";
    private static final String AAC_FMTP = "97 streamtype=5;profile-level-id=15;mode=AAC-hbr;sizelength=13;"
            + "indexlength=3;indexdeltalength=3;config=1190";

    /** Built in a scrambled order on purpose: the writer must still follow RFC 4566 §5. */
    static SessionDescription twoTracks() {
        return SessionDescription.builder()
                .attribute("control", "*")
                .bandwidth(Bandwidth.as(2128))
                .sessionName("movie.mp4")
                .connection(Connection.of("0.0.0.0"))
                .origin(Origin.of("1700000000", "1", "192.0.2.10"))
                .info("A two-track test movie")
                .attribute("range", "npt=0-12.345")
                .attribute("tool", "Tributary")
                .media(MediaDescription.builder("video", 0, "RTP/AVP", "96")
                        .attribute("rtpmap", "96 H264/90000")
                        .attribute("fmtp", H264_FMTP)
                        .attribute("control", "trackID=1")
                        .bandwidth(Bandwidth.as(2000))
                        .attribute("framerate", "25")
                        .attribute("cliprect", "0,0,480,640")
                        .build())
                .media(MediaDescription.builder("audio", 0, "RTP/AVP", "97")
                        .attribute("rtpmap", "97 MPEG4-GENERIC/48000/2")
                        .info("English")
                        .attribute("fmtp", AAC_FMTP)
                        .attribute("control", "trackID=2")
                        .bandwidth(Bandwidth.as(128))
                        .bandwidth(Bandwidth.tias(128000))
                        .attribute(Attribute.flag("sendonly"))
                        .build())
                .build();
    }

    static final String TWO_TRACKS_TEXT = ""
            + "v=0\r\n"
            + "o=- 1700000000 1 IN IP4 192.0.2.10\r\n"
            + "s=movie.mp4\r\n"
            + "i=A two-track test movie\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "b=AS:2128\r\n"
            + "t=0 0\r\n"
            + "a=control:*\r\n"
            + "a=range:npt=0-12.345\r\n"
            + "a=tool:Tributary\r\n"
            + "m=video 0 RTP/AVP 96\r\n"
            + "b=AS:2000\r\n"
            + "a=rtpmap:96 H264/90000\r\n"
            + "a=fmtp:" + H264_FMTP + "\r\n"
            + "a=control:trackID=1\r\n"
            + "a=framerate:25\r\n"
            + "a=cliprect:0,0,480,640\r\n"
            + "m=audio 0 RTP/AVP 97\r\n"
            + "i=English\r\n"
            + "b=AS:128\r\n"
            + "b=TIAS:128000\r\n"
            + "a=rtpmap:97 MPEG4-GENERIC/48000/2\r\n"
            + "a=fmtp:" + AAC_FMTP + "\r\n"
            + "a=control:trackID=2\r\n"
            + "a=sendonly\r\n";

    @Test
    void writesTwoTrackDescriptionExactly() {
        assertEquals(TWO_TRACKS_TEXT, SdpWriter.write(twoTracks()));
    }

    @Test
    void parsesWrittenTextBack() {
        assertEquals(twoTracks(), SdpParser.parse(TWO_TRACKS_TEXT));
    }

    @Test
    void parsesLfLineEndingsToo() {
        assertEquals(twoTracks(), SdpParser.parse(TWO_TRACKS_TEXT.replace("\r\n", "\n")));
    }

    @Test
    void lookUps() {
        SessionDescription sdp = twoTracks();
        assertEquals("npt=0-12.345", sdp.attribute("range").orElseThrow());
        assertEquals("audio", sdp.mediaWithControl("trackID=2").orElseThrow().media());
        assertEquals("96 H264/90000", sdp.media().get(0).attribute("rtpmap").orElseThrow());
        assertTrue(sdp.media().get(1).hasAttribute("sendonly"));
    }

    /** Session SDP as a QuickTime/Darwin server builds it from a hinted .mp4 (LF line ends). */
    static final String HINTED_FILE_SDP = ""
            + "v=0\n"
            + "o=StreamingServer 3331435948 1116907222000 IN IP4 10.0.0.1\n"
            + "s=/sample_300kbit.mp4\n"
            + "u=http:///\n"
            + "e=admin@\n"
            + "c=IN IP4 0.0.0.0\n"
            + "b=AS:425\n"
            + "t=0 0\n"
            + "a=control:*\n"
            + "a=mpeg4-iod:\"data:application/mpeg4-iod;base64,AoJrAE///w/z/wOBdgABQNhkYXRhOmFwcGxpY2F0aW9u\"\n"
            + "a=isma-compliance:1,1.0,1\n"
            + "a=range:npt=0-  70.00000 \n"
            + "m=video 0 RTP/AVP 96\n"
            + "b=AS:300\n"
            + "a=rtpmap:96 MP4V-ES/90000\n"
            + "a=control:trackID=3\n"
            + "a=cliprect:0,0,240,320\n"
            + "a=framerate:24.0\n"
            + "a=fmtp:96 profile-level-id=1;config=000001B001000001B5090000010000000120008440FA282C2090A21F\n"
            + "a=mpeg4-esid:201\n"
            + "m=audio 0 RTP/AVP 97\n"
            + "b=AS:125\n"
            + "a=rtpmap:97 mpeg4-generic/48000/2\n"
            + "a=control:trackID=4\n"
            + "a=fmtp:97 profile-level-id=15;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1190\n"
            + "a=mpeg4-esid:101\n";

    @Test
    void parsesHintedFileSdp() {
        SessionDescription sdp = SdpParser.parse(HINTED_FILE_SDP);
        assertEquals(new Origin("StreamingServer", "3331435948", "1116907222000", "IN", "IP4", "10.0.0.1"),
                sdp.origin());
        assertEquals("/sample_300kbit.mp4", sdp.sessionName());
        assertEquals("http:///", sdp.uri());
        assertEquals(List.of("admin@"), sdp.emails());
        assertEquals(List.of(Bandwidth.as(425)), sdp.bandwidths());
        assertEquals(List.of(Timing.UNBOUNDED), sdp.timings());
        assertEquals("npt=0-  70.00000", sdp.attribute("range").orElseThrow());
        assertTrue(sdp.attribute("mpeg4-iod").orElseThrow().startsWith("\"data:application/mpeg4-iod;base64,"));
        assertEquals(2, sdp.media().size());
        MediaDescription video = sdp.mediaWithControl("trackID=3").orElseThrow();
        assertEquals(List.of("96"), video.formats());
        assertEquals(List.of(Bandwidth.as(300)), video.bandwidths());
        assertEquals("24.0", video.attribute("framerate").orElseThrow());
        assertEquals("201", video.attribute("mpeg4-esid").orElseThrow());
        assertEquals("trackID=4", sdp.media().get(1).control().orElseThrow());
    }

    /** A hint track's own 'sdp ' fragment: no v=, o=, s= or t=. */
    @Test
    void parsesHintTrackFragment() {
        SessionDescription sdp = SdpParser.parse(
                "m=video 0 RTP/AVP 96\r\nb=AS:300\r\na=rtpmap:96 H264/90000\r\na=control:trackID=3\r\n");
        assertNull(sdp.origin());
        assertNull(sdp.sessionName());
        assertTrue(sdp.timings().isEmpty());
        assertEquals(MediaDescription.builder("video", 0, "RTP/AVP", "96").bandwidth(Bandwidth.as(300))
                .attribute("rtpmap", "96 H264/90000").attribute("control", "trackID=3").build(), sdp.media().get(0));
    }

    /** What ffmpeg (libavformat) sends in ANNOUNCE when publishing with -f rtsp. */
    static final String FFMPEG_ANNOUNCE_SDP = ""
            + "v=0\r\n"
            + "o=- 0 0 IN IP4 127.0.0.1\r\n"
            + "s=No Name\r\n"
            + "c=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\n"
            + "a=tool:libavformat 61.1.100\r\n"
            + "m=video 0 RTP/AVP 96\r\n"
            + "b=AS:2000\r\n"
            + "a=rtpmap:96 H264/90000\r\n"
            + "a=fmtp:96 packetization-mode=1; sprop-parameter-sets=Z2QAH6zZQFAFuhAAAAMAEAAAAwPI8YMZYA==,aOvjyyLA; "
            + "profile-level-id=64001F\r\n"
            + "a=control:streamid=0\r\n"
            + "m=audio 0 RTP/AVP 97\r\n"
            + "b=AS:128\r\n"
            + "a=rtpmap:97 MPEG4-GENERIC/44100/2\r\n"
            + "a=fmtp:97 profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3; "
            + "config=121056E500\r\n"
            + "a=control:streamid=1\r\n";

    @Test
    void parsesFfmpegAnnounceAndWritesItBackIdentically() {
        SessionDescription sdp = SdpParser.parse(FFMPEG_ANNOUNCE_SDP);
        assertEquals("No Name", sdp.sessionName());
        assertEquals(Connection.of("127.0.0.1"), sdp.connection());
        assertEquals("libavformat 61.1.100", sdp.attribute("tool").orElseThrow());
        assertEquals("streamid=1", sdp.media().get(1).control().orElseThrow());
        assertEquals(FFMPEG_ANNOUNCE_SDP, SdpWriter.write(sdp));
    }

    @Test
    void liberalInputs() {
        SessionDescription sdp = SdpParser.parse("\uFEFFv=0\n\n  o=- 1 1 IN IP6 ::1  \nx=unknown line\n"
                + "s=Live\nt=3034423619 3042462419\nr=604800 3600 0 90000\nm=application 9/2 RTP/AVP\na=recvonly\n");
        assertEquals("IP6", sdp.origin().addrType());
        assertEquals(List.of(new Timing(3034423619L, 3042462419L, List.of("604800 3600 0 90000"))), sdp.timings());
        MediaDescription m = sdp.media().get(0);
        assertEquals(9, m.port());
        assertEquals(2, m.portCount());
        assertTrue(m.formats().isEmpty());
        assertEquals(List.of(Attribute.flag("recvonly")), m.attributes());
    }

    @Test
    void writerNeedsOriginAndDefaultsEmptyName() {
        assertThrows(IllegalArgumentException.class,
                () -> SdpWriter.write(SessionDescription.builder().sessionName("x").build()));
        String text = SdpWriter.write(SessionDescription.builder().origin(Origin.of("1", "1", "::1")).build());
        assertEquals("v=0\r\no=- 1 1 IN IP6 ::1\r\ns=-\r\nt=0 0\r\n", text);
    }

    /** name, text, exact message. */
    static Stream<Arguments> errors() {
        StringBuilder tooManyMedia = new StringBuilder("v=0\n");
        for (int i = 0; i < 65; i++) {
            tooManyMedia.append("m=audio 0 RTP/AVP 0\n");
        }
        return Stream.of(
                arguments("version 1", "v=1\r\n", "SDP line 1: unsupported version '1'"),
                arguments("short origin", "v=0\r\no=- 0 IN IP4\r\n", "SDP line 2: invalid o= field '- 0 IN IP4'"),
                arguments("garbage line", "v=0\nhello\n", "SDP line 2: expected <type>=<value> but found 'hello'"),
                arguments("bandwidth not a number", "v=0\nb=AS:lots\n", "SDP line 2: invalid number in b= 'lots'"),
                arguments("bandwidth without type", "v=0\nb=128\n", "SDP line 2: invalid b= field '128'"),
                arguments("media port not a number", "v=0\n\nm=video abc RTP/AVP 96\n",
                        "SDP line 3: invalid number in m= port 'abc'"),
                arguments("media port too big", "m=video 70000 RTP/AVP 96\n", "SDP line 1: invalid m= port '70000'"),
                arguments("short media line", "m=video 0\n", "SDP line 1: invalid m= field 'video 0'"),
                arguments("short connection", "c=IN IP4\n", "SDP line 1: invalid c= field 'IN IP4'"),
                arguments("bad timing", "t=0\n", "SDP line 1: invalid t= field '0'"),
                arguments("nameless attribute", "a=:x\n", "SDP line 1: attribute without a name ':x'"),
                arguments("65 media", tooManyMedia.toString(), "SDP line 66: more than 64 media descriptions"),
                arguments("over 64 KB", "v=0\n" + "a=x:" + "y".repeat(64 * 1024) + "\n",
                        "SDP: longer than 65536 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejects(String name, String text, String message) {
        assertEquals(message, assertThrows(SdpParseException.class, () -> SdpParser.parse(text)).getMessage());
    }

    @Test
    void exceptionCarriesLineNumber() {
        assertEquals(2, assertThrows(SdpParseException.class, () -> SdpParser.parse("v=0\no=x\n")).lineNumber());
    }
}
