package org.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransportTest {

    private static TransportSpec.Builder spec(String id) {
        return TransportSpec.builder(id);
    }

    /** name, as received, canonical format, decoded value. */
    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("ffmpeg SETUP over UDP",
                        "RTP/AVP/UDP;unicast;client_port=43210-43211",
                        "RTP/AVP/UDP;unicast;client_port=43210-43211",
                        Transport.of(spec("RTP/AVP/UDP").unicast().clientPort(43210, 43211).build())),
                arguments("ffmpeg SETUP over TCP",
                        "RTP/AVP/TCP;unicast;interleaved=0-1",
                        "RTP/AVP/TCP;unicast;interleaved=0-1",
                        Transport.of(spec("RTP/AVP/TCP").unicast().interleaved(0, 1).build())),
                arguments("ffmpeg publishing (mode=record)",
                        "RTP/AVP/UDP;unicast;client_port=5000-5001;mode=record",
                        "RTP/AVP/UDP;unicast;client_port=5000-5001;mode=RECORD",
                        Transport.of(spec("RTP/AVP/UDP").unicast().clientPort(5000, 5001)
                                .mode(TransportMode.RECORD).build())),
                arguments("ffmpeg -listen / Darwin mode=receive",
                        "RTP/AVP/TCP;unicast;interleaved=2-3;mode=receive",
                        "RTP/AVP/TCP;unicast;interleaved=2-3;mode=RECORD",
                        Transport.of(spec("RTP/AVP/TCP").unicast().interleaved(2, 3)
                                .mode(TransportMode.RECORD).build())),
                arguments("GStreamer 1.x rtspsrc, one transport per SETUP",
                        "RTP/AVP;unicast;client_port=5000-5001",
                        "RTP/AVP;unicast;client_port=5000-5001",
                        Transport.of(spec("RTP/AVP").unicast().clientPort(5000, 5001).build())),
                arguments("GStreamer 0.10 rtspsrc alternatives",
                        "RTP/AVP/UDP;unicast;client_port=5000-5001,RTP/AVP/UDP;multicast,RTP/AVP/TCP",
                        "RTP/AVP/UDP;unicast;client_port=5000-5001,RTP/AVP/UDP;multicast,RTP/AVP/TCP",
                        Transport.of(spec("RTP/AVP/UDP").unicast().clientPort(5000, 5001).build(),
                                spec("RTP/AVP/UDP").multicast().build(),
                                spec("RTP/AVP/TCP").build())),
                arguments("UDP or TCP alternatives",
                        "RTP/AVP;unicast;client_port=5000-5001, RTP/AVP/TCP;unicast;interleaved=0-1",
                        "RTP/AVP;unicast;client_port=5000-5001,RTP/AVP/TCP;unicast;interleaved=0-1",
                        Transport.of(spec("RTP/AVP").unicast().clientPort(5000, 5001).build(),
                                spec("RTP/AVP/TCP").unicast().interleaved(0, 1).build())),
                arguments("QuickTime Player",
                        "RTP/AVP;unicast;client_port=6970-6971;mode=play",
                        "RTP/AVP;unicast;client_port=6970-6971;mode=PLAY",
                        Transport.of(spec("RTP/AVP").unicast().clientPort(6970, 6971)
                                .mode(TransportMode.PLAY).build())),
                arguments("Darwin reliable UDP extensions",
                        "RTP/AVP;unicast;client_port=6970-6971;x-retransmit=our-retransmit;late-tolerance=2.5",
                        "RTP/AVP;unicast;client_port=6970-6971;x-retransmit=our-retransmit;late-tolerance=2.5",
                        Transport.of(spec("RTP/AVP").unicast().clientPort(6970, 6971)
                                .otherParam("x-retransmit", "our-retransmit").otherParam("late-tolerance", "2.5")
                                .build())),
                arguments("hikvision reply, spaced ssrc and quoted mode",
                        "RTP/AVP;unicast;client_port=6000-6001;server_port=8220-8221;ssrc= 0000ABCD;mode=\"play\"",
                        "RTP/AVP;unicast;client_port=6000-6001;server_port=8220-8221;ssrc=0000ABCD;mode=PLAY",
                        Transport.of(spec("RTP/AVP").unicast().clientPort(6000, 6001).serverPort(8220, 8221)
                                .ssrc(0xABCDL).mode(TransportMode.PLAY).build())),
                arguments("short lower-case ssrc",
                        "RTP/AVP/TCP;unicast;interleaved=2-3;ssrc=abcd",
                        "RTP/AVP/TCP;unicast;interleaved=2-3;ssrc=0000ABCD",
                        Transport.of(spec("RTP/AVP/TCP").unicast().interleaved(2, 3).ssrc(0xABCDL).build())),
                arguments("SETUP reply with source, reordered canonically",
                        "RTP/AVP;unicast;client_port=43210-43211;server_port=6970-6971;source=10.0.0.1;ssrc=FFFFFFFF",
                        "RTP/AVP;unicast;source=10.0.0.1;client_port=43210-43211;server_port=6970-6971;ssrc=FFFFFFFF",
                        Transport.of(spec("RTP/AVP").unicast().source("10.0.0.1").clientPort(43210, 43211)
                                .serverPort(6970, 6971).ssrc(0xFFFFFFFFL).build())),
                arguments("RFC 2326 multicast reply",
                        "RTP/AVP;multicast;destination=224.2.0.1;port=3456-3457;ttl=16",
                        "RTP/AVP;multicast;destination=224.2.0.1;ttl=16;port=3456-3457",
                        Transport.of(spec("RTP/AVP").multicast().destination("224.2.0.1")
                                .port(new PortRange(3456, 3457)).ttl(16).build())),
                arguments("liberal spacing, case and quoting",
                        " rtp/avp/tcp ; UNICAST ; Interleaved = 4 - 5 ; Mode = \"RECORD\" ; append ",
                        "RTP/AVP/TCP;unicast;interleaved=4-5;append;mode=RECORD",
                        Transport.of(spec("RTP/AVP/TCP").unicast().interleaved(4, 5).append(true)
                                .mode(TransportMode.RECORD).build())),
                arguments("single ports and channel",
                        "RTP/AVP/TCP;unicast;interleaved=7;client_port=5000",
                        "RTP/AVP/TCP;unicast;interleaved=7;client_port=5000",
                        Transport.of(spec("RTP/AVP/TCP").unicast().interleaved(ChannelRange.of(7))
                                .clientPort(PortRange.of(5000)).build())),
                arguments("non-RTP transport parses",
                        "RAW/RAW/UDP;unicast;client_port=5000-5001",
                        "RAW/RAW/UDP;unicast;client_port=5000-5001",
                        Transport.of(spec("RAW/RAW/UDP").unicast().clientPort(5000, 5001).build())),
                arguments("bare destination flag, layers kept",
                        "RTP/AVP;multicast;destination;layers=2",
                        "RTP/AVP;multicast;destination;layers=2",
                        Transport.of(spec("RTP/AVP").multicast().destination("").otherParam("layers", "2").build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsReceived(String name, String received, String canonical, Transport expected) {
        assertEquals(expected, Transport.parse(received));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void formatsCanonically(String name, String received, String canonical, Transport expected) {
        assertEquals(canonical, expected.format());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalFormParsesBack(String name, String received, String canonical, Transport expected) {
        assertEquals(expected, Transport.parse(canonical));
    }

    /** name, value, exact message. */
    static Stream<Arguments> errors() {
        String seventeen = String.join(",", Collections.nCopies(17, "RTP/AVP/TCP"));
        return Stream.of(
                arguments("non-numeric client_port", "RTP/AVP;unicast;client_port=abc",
                        "Transport: invalid client_port 'abc'"),
                arguments("port 0", "RTP/AVP;unicast;client_port=0-1", "Transport: invalid client_port '0-1'"),
                arguments("port 70000", "RTP/AVP;unicast;client_port=70000-70001",
                        "Transport: invalid client_port '70000-70001'"),
                arguments("reversed ports", "RTP/AVP;unicast;server_port=5001-5000",
                        "Transport: invalid server_port '5001-5000'"),
                arguments("negative port", "RTP/AVP;unicast;client_port=-5", "Transport: invalid client_port '-5'"),
                arguments("missing port value", "RTP/AVP;unicast;client_port", "Transport: missing value for client_port"),
                arguments("interleaved 300", "RTP/AVP/TCP;unicast;interleaved=300",
                        "Transport: invalid interleaved '300'"),
                arguments("ttl 256", "RTP/AVP;multicast;ttl=256", "Transport: invalid ttl '256'"),
                arguments("ssrc not hex", "RTP/AVP;unicast;ssrc=xyz", "Transport: invalid ssrc 'xyz'"),
                arguments("ssrc 9 digits", "RTP/AVP;unicast;ssrc=123456789", "Transport: invalid ssrc '123456789'"),
                arguments("unknown mode", "RTP/AVP;unicast;mode=TEARDOWN", "Transport: invalid mode 'TEARDOWN'"),
                arguments("no profile", "RTP;unicast", "Transport: invalid transport protocol 'RTP'"),
                arguments("four part protocol", "RTP/AVP/UDP/X", "Transport: invalid transport protocol 'RTP/AVP/UDP/X'"),
                // Found by HeaderFuzzTest: trim() emptied the NUL profile, and format() wrote "Å//Ä".
                arguments("control character as profile", "\u00c5/\u0000/\u00c4;",
                        "Transport: control character in the value"),
                arguments("non-ASCII protocol", "RTP/\u00c4VP", "Transport: invalid transport protocol 'RTP/\u00c4VP'"),
                arguments("unterminated quote", "RTP/AVP;mode=\"PLAY",
                        "Transport: unterminated quoted string in 'RTP/AVP;mode=\"PLAY'"),
                arguments("empty value", "", "Transport: empty value"),
                arguments("blank value", "   ", "Transport: empty value"),
                arguments("only commas", " , ,", "Transport: empty value"),
                arguments("over-long value", "RTP/AVP;unicast;x=" + "a".repeat(4100),
                        "Transport: value longer than 4096 characters"),
                arguments("17 alternatives", seventeen, "Transport: more than 16 transport specs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejects(String name, String value, String message) {
        HeaderParseException e = assertThrows(HeaderParseException.class, () -> Transport.parse(value));
        assertEquals(message, e.getMessage());
        assertEquals("Transport", e.header());
        assertEquals(400, e.statusCode());
    }

    /** Found by HeaderFuzzTest: a quoted source holding ';' was written back unquoted, as two parameters. */
    @Test
    void quotedSourceAndDestinationStayQuoted() {
        TransportSpec spec = Transport.parse("RTP/AVP;unicast;destination=\"a,b\";source=\"10.0;i.0.1\";client_port=4588-4589")
                .specs().get(0);
        assertEquals("10.0;i.0.1", spec.source());
        assertEquals("RTP/AVP;unicast;destination=\"a,b\";source=\"10.0;i.0.1\";client_port=4588-4589", spec.format());
        assertEquals(spec, TransportSpec.parse(spec.format()));
    }

    @Test
    void nullValueIsEmpty() {
        assertThrows(HeaderParseException.class, () -> Transport.parse(null));
    }

    @Test
    void sixteenAlternativesAreAccepted() {
        String sixteen = String.join(",", Collections.nCopies(16, "RTP/AVP/TCP"));
        assertEquals(16, Transport.parse(sixteen).specs().size());
    }

    @Test
    void serverPicksFirstSupportedAlternative() {
        Transport t = Transport.parse("RAW/RAW/UDP;unicast,RTP/AVP/TCP;unicast;interleaved=0-1,RTP/AVP;unicast");
        assertFalse(t.first().isRtp());
        TransportSpec chosen = t.selectFirst(TransportSpec::isRtp);
        assertTrue(chosen.isTcp());
        assertEquals("RTP/AVP/TCP", chosen.transportId());
    }

    @Test
    void noSupportedAlternativeIs461() {
        Transport t = Transport.parse("RAW/RAW/UDP;unicast");
        UnsupportedTransportException e =
                assertThrows(UnsupportedTransportException.class, () -> t.selectFirst(TransportSpec::isRtp));
        assertEquals(461, e.statusCode());
        assertEquals("Transport: no supported transport in 'RAW/RAW/UDP;unicast'", e.getMessage());
    }

    @Test
    void derivedProperties() {
        TransportSpec s = Transport.parse("RTP/AVP;unicast;client_port=5000-5001;Late-Tolerance=2.5").first();
        assertTrue(s.isUdp());
        assertFalse(s.isMulticast());
        assertEquals(TransportMode.PLAY, s.effectiveMode());
        assertEquals("2.5", s.otherParam("late-tolerance"));
        assertEquals("RTP/AVP;unicast;client_port=5000-5001;server_port=6970-6971;Late-Tolerance=2.5",
                s.withServerPort(new PortRange(6970, 6971)).format());
        assertEquals("RTP/AVP;unicast;interleaved=4-5;client_port=5000-5001;Late-Tolerance=2.5",
                s.withInterleaved(new ChannelRange(4, 5)).format());
    }
}
