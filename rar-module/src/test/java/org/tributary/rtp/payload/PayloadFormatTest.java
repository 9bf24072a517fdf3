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
    void fmtpOfReadsTheParametersOfItsPayloadTypeOnly() {
        List<String> attributes = List.of(
                "rtpmap:96 H264/90000",
                "fmtp:96 packetization-mode=1",
                "control:trackID=2",
                "rtpmap:97 MPEG4-GENERIC/48000/2",
                "fmtp:97 streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;"
                        + "indexdeltalength=3;config=1190",
                "fmtp:970 mode=other");
        String audio = PayloadFormat.fmtpOf(97, attributes);
        assertEquals("streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;"
                + "config=1190", audio);
        assertEquals("1190", new PayloadFormat(97, "MPEG4-GENERIC", 48000, 2, audio).parameters().get("config"));
        assertEquals("packetization-mode=1", PayloadFormat.fmtpOf(96, attributes));
        assertNull(PayloadFormat.fmtpOf(9, attributes), "fmtp:970 is not payload type 9's");
        assertNull(PayloadFormat.fmtpOf(14, List.of("rtpmap:96 H264/90000", "control:trackID=1")));
    }
}
