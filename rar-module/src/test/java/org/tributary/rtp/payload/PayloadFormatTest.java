package org.tributary.rtp.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class PayloadFormatTest {
    @Test
    void videoRtpmapOmitsChannels() {
        PayloadFormat f = new PayloadFormat(96, "H264", 90000, 0, "packetization-mode=1");
        assertEquals("a=rtpmap:96 H264/90000", f.rtpmapLine());
        assertEquals("a=fmtp:96 packetization-mode=1", f.fmtpLine());
    }

    @Test
    void audioRtpmapHasChannelsAndNoFmtp() {
        PayloadFormat f = new PayloadFormat(97, "L16", 44100, 2, null);
        assertEquals("a=rtpmap:97 L16/44100/2", f.rtpmapLine());
        assertNull(f.fmtpLine());
    }

    @Test
    void rejectsBadPayloadType() {
        assertThrows(IllegalArgumentException.class, () -> new PayloadFormat(128, "X", 8000, 0, null));
    }

    @Test
    void bitReaderReadsMsbFirstAndStopsAtEnd() {
        BitReader r = new BitReader(new byte[] {(byte) 0xA5, 0x0F});
        assertEquals(0b101, r.readInt(3));
        assertEquals(0b00101000, r.readInt(8));
        assertEquals(0b01111, r.readInt(5));
        assertThrows(IllegalArgumentException.class, () -> r.readInt(1));
    }

    @Test
    void parametersLowerCaseNamesTrimAndKeepValuesWithEqualsSigns() {
        PayloadFormat f = new PayloadFormat(96, "H264", 90000, 0,
                " Packetization-Mode=1; PROFILE-LEVEL-ID = 42c01f ;"
                        + "sprop-parameter-sets=Z0IAH+KQFAe2AtwEBAaQeJEV,aM48gA==;;flag");
        Map<String, String> p = f.parameters();
        assertEquals(List.of("packetization-mode", "profile-level-id", "sprop-parameter-sets", "flag"),
                List.copyOf(p.keySet()), "names in order, lower case, empty parts skipped");
        assertEquals("1", p.get("packetization-mode"));
        assertEquals("42c01f", p.get("profile-level-id"), "value trimmed, case kept");
        assertEquals("Z0IAH+KQFAe2AtwEBAaQeJEV,aM48gA==", p.get("sprop-parameter-sets"),
                "only the first '=' separates; Base64 padding stays in the value");
        assertEquals("", p.get("flag"), "a parameter without '='");
    }

    @Test
    void theFirstOfARepeatedParameterWins() {
        assertEquals(Map.of("mode", "AAC-hbr"),
                new PayloadFormat(97, "MPEG4-GENERIC", 48000, 2, "mode=AAC-hbr;MODE=generic").parameters());
    }

    @Test
    void withoutFmtpThereAreNoParameters() {
        assertEquals(Map.of(), new PayloadFormat(0, "PCMU", 8000, 0, null).parameters());
        assertEquals(Map.of(), new PayloadFormat(0, "PCMU", 8000, 0, "").parameters());
        assertEquals(Map.of(), new PayloadFormat(0, "PCMU", 8000, 0, " ; ").parameters());
    }

    @Test
    void fromAttributesReadsTheRtpmapAndFmtpOfItsPayloadTypeOnly() {
        List<String> attributes = List.of(
                "rtpmap:96 H264/90000",
                "fmtp:96 packetization-mode=1",
                "control:trackID=2",
                "rtpmap:97 MPEG4-GENERIC/48000/2",
                "fmtp:97 streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;"
                        + "indexdeltalength=3;config=1190",
                "rtpmap:9 G722/8000",
                "fmtp:970 mode=other");
        PayloadFormat audio = PayloadFormat.fromAttributes(97, attributes, "x", 1);
        assertEquals(new PayloadFormat(97, "MPEG4-GENERIC", 48000, 2, "streamtype=5;profile-level-id=1;"
                + "mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1190"), audio);
        assertEquals("1190", audio.parameters().get("config"));
        assertEquals("13", audio.parameters().get("sizelength"));
        PayloadFormat video = PayloadFormat.fromAttributes(96, attributes, "x", 1);
        assertEquals(new PayloadFormat(96, "H264", 90000, 0, "packetization-mode=1"), video);
        assertEquals(new PayloadFormat(9, "G722", 8000, 0, null), PayloadFormat.fromAttributes(9, attributes, "x", 1),
                "rtpmap:97 and fmtp:970 are not payload type 9's");
    }

    @Test
    void fromAttributesFallsBackToTheDefaultsWithoutAnRtpmap() {
        assertEquals(new PayloadFormat(14, "MPA", 90000, 0, null),
                PayloadFormat.fromAttributes(14, List.of("rtpmap:96 H264/90000", "control:trackID=1"), "MPA", 90000));
        assertEquals(new PayloadFormat(96, "H264", 90000, 0, "packetization-mode=1"),
                PayloadFormat.fromAttributes(96, List.of("fmtp:96 packetization-mode=1"), "H264", 90000));
        assertThrows(IllegalArgumentException.class,
                () -> PayloadFormat.fromAttributes(96, List.of("rtpmap:96 H264/fast"), "H264", 90000));
    }
}
