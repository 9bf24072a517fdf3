package org.tributary.rtp.payload.h264;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tributary.rtp.payload.CollectingSink.bytes;

import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.PayloadFormat;

class H264FormatTest {
    /** avcC: version 1, profile 0x42, compat 0xc0, level 0x1e, 4-byte lengths, 1 SPS, 1 PPS. */
    static final byte[] AVCC = bytes(
            0x01, 0x42, 0xc0, 0x1e, 0xff, 0xe1,
            0x00, 0x0a, 0x67, 0x42, 0xc0, 0x1e, 0xd9, 0x00, 0xa0, 0x47, 0xfe, 0xc8,
            0x01,
            0x00, 0x04, 0x68, 0xce, 0x3c, 0x80);

    @Test
    void fmtpFromAvcC() {
        PayloadFormat f = H264Format.fromAvcC(AVCC, 96);
        assertEquals("a=rtpmap:96 H264/90000", f.rtpmapLine());
        assertEquals("a=fmtp:96 packetization-mode=1;profile-level-id=42c01e;"
                + "sprop-parameter-sets=Z0LAHtkAoEf+yA==,aM48gA==", f.fmtpLine());
    }

    @Test
    void parsesRecord() {
        AvcDecoderConfig c = AvcDecoderConfig.parse(AVCC);
        assertEquals(4, c.nalLengthSize());
        assertEquals(0x42, c.profileIndication());
        assertEquals(0x1e, c.levelIndication());
        assertArrayEquals(H264PacketizerTest.SPS, c.sps().get(0));
        assertArrayEquals(H264PacketizerTest.PPS, c.pps().get(0));
    }

    @Test
    void truncatedRecordIsRejected() {
        byte[] cut = java.util.Arrays.copyOf(AVCC, 12);
        assertThrows(IllegalArgumentException.class, () -> AvcDecoderConfig.parse(cut));
        assertThrows(IllegalArgumentException.class, () -> AvcDecoderConfig.parse(bytes(0x02, 0x42)));
    }
}
