package org.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RtpInfoTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("two tracks (PLAY response)",
                        "url=rtsp://h/f/trackID=1;seq=123;rtptime=456,url=rtsp://h/f/trackID=2;seq=9;rtptime=10",
                        "url=rtsp://h/f/trackID=1;seq=123;rtptime=456,url=rtsp://h/f/trackID=2;seq=9;rtptime=10",
                        RtpInfo.of(new RtpInfoEntry("rtsp://h/f/trackID=1", 123, 456L),
                                new RtpInfoEntry("rtsp://h/f/trackID=2", 9, 10L))),
                arguments("spaces, ssrc ignored",
                        " url = rtsp://h/f/trackID=1 ; seq=65535 ; rtptime=4294967295 ; ssrc=1234 , url=rtsp://h/f/trackID=2",
                        "url=rtsp://h/f/trackID=1;seq=65535;rtptime=4294967295,url=rtsp://h/f/trackID=2",
                        RtpInfo.of(new RtpInfoEntry("rtsp://h/f/trackID=1", 65535, 4294967295L),
                                new RtpInfoEntry("rtsp://h/f/trackID=2", null, null))),
                arguments("URL containing ';' and ','",
                        "url=rtsp://h/a,b;x=1/trackID=1;seq=1,url=rtsp://h/a,b;x=1/trackID=2;rtptime=0",
                        "url=rtsp://h/a,b;x=1/trackID=1;seq=1,url=rtsp://h/a,b;x=1/trackID=2;rtptime=0",
                        RtpInfo.of(new RtpInfoEntry("rtsp://h/a,b;x=1/trackID=1", 1, null),
                                new RtpInfoEntry("rtsp://h/a,b;x=1/trackID=2", null, 0L))),
                arguments("quoted URL", "url=\"rtsp://h/f/trackID=1\";seq=5", "url=rtsp://h/f/trackID=1;seq=5",
                        RtpInfo.of(new RtpInfoEntry("rtsp://h/f/trackID=1", 5, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsReceived(String name, String received, String canonical, RtpInfo expected) {
        assertEquals(expected, RtpInfo.parse(received));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void formatsCanonically(String name, String received, String canonical, RtpInfo expected) {
        assertEquals(canonical, expected.format());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalFormParsesBack(String name, String received, String canonical, RtpInfo expected) {
        assertEquals(expected, RtpInfo.parse(canonical));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("empty", "", "RTP-Info: empty value"),
                arguments("no url", "seq=1;rtptime=2", "RTP-Info: missing url in 'seq=1;rtptime=2'"),
                arguments("seq too big", "url=rtsp://h/f;seq=65536", "RTP-Info: invalid seq '65536'"),
                arguments("rtptime too big", "url=rtsp://h/f;rtptime=4294967296", "RTP-Info: invalid rtptime '4294967296'"),
                arguments("rtptime not a number", "url=rtsp://h/f;rtptime=abc", "RTP-Info: invalid rtptime 'abc'"),
                // Found by HeaderFuzzTest: the escaped control character survived parsing but not format().
                arguments("control character in url", "url=\"\\\u0017\u00fc\u0017uz|=z=\"",
                        "RTP-Info: control character in the value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejects(String name, String value, String message) {
        assertEquals(message, assertThrows(HeaderParseException.class, () -> RtpInfo.parse(value)).getMessage());
    }
}
