package org.tributary.rtp.payload.h265;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tributary.rtp.payload.CollectingSink.bytes;

import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.PayloadFormat;

class H265FormatTest {
    static final byte[] HVCC = bytes(
            0x01,                               // configurationVersion
            0x01,                               // profile space 0, tier 0, profile 1 (Main)
            0x60, 0x00, 0x00, 0x00,             // compatibility flags
            0x90, 0x00, 0x00, 0x00, 0x00, 0x00, // constraint flags
            0x5d,                               // level 93 (3.1)
            0xf0, 0x00, 0xfc, 0xfd, 0xf8, 0xf8, 0x00, 0x00,
            0x0f,                               // 1 temporal layer, nested, lengthSizeMinusOne 3
            0x03,                               // numOfArrays
            0xa0, 0x00, 0x01, 0x00, 0x06, 0x40, 0x01, 0x0c, 0x01, 0xff, 0xff,
            0xa1, 0x00, 0x01, 0x00, 0x05, 0x42, 0x01, 0x01, 0x01, 0x60,
            0xa2, 0x00, 0x01, 0x00, 0x04, 0x44, 0x01, 0xc1, 0x72);

    @Test
    void fmtpFromHvcC() {
        PayloadFormat f = H265Format.fromHvcC(HVCC, 98);
        assertEquals("a=rtpmap:98 H265/90000", f.rtpmapLine());
        assertEquals("a=fmtp:98 profile-id=1;tier-flag=0;level-id=93;"
                + "sprop-vps=QAEMAf//;sprop-sps=QgEBAWA=;sprop-pps=RAHBcg==", f.fmtpLine());
        assertEquals(4, HevcDecoderConfig.parse(HVCC).nalLengthSize());
    }

    @Test
    void truncatedRecordIsRejected() {
        byte[] cut = java.util.Arrays.copyOf(HVCC, HVCC.length - 1);
        assertThrows(IllegalArgumentException.class, () -> HevcDecoderConfig.parse(cut));
        assertThrows(IllegalArgumentException.class, () -> HevcDecoderConfig.parse(bytes(0x01, 0x01)));
    }
}
