package org.tributary.rtp.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

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
}
