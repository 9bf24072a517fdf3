package org.tributary.rtp.payload.mpegaudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Frame lengths and durations of the MPEG audio versions and layers. */
class MpegAudioHeaderTest {

    @Test
    void framesOfEachVersionAndLayer() {
        assertEquals(new MpegAudioHeader(417, 1152, 44_100), MpegAudioHeader.parse(0xFFFB9000)); // MPEG-1 L3 128k
        assertEquals(new MpegAudioHeader(418, 1152, 44_100), MpegAudioHeader.parse(0xFFFB9200)); // padded
        assertEquals(new MpegAudioHeader(576, 1152, 48_000), MpegAudioHeader.parse(0xFFFDA400)); // MPEG-1 L2 192k
        assertEquals(new MpegAudioHeader(144, 384, 32_000), MpegAudioHeader.parse(0xFFFF3800));  // MPEG-1 L1 96k
        assertEquals(new MpegAudioHeader(144, 576, 24_000), MpegAudioHeader.parse(0xFFF36400));  // MPEG-2 L3 48k
        assertEquals(new MpegAudioHeader(288, 576, 12_000), MpegAudioHeader.parse(0xFFE36400));  // MPEG-2.5 L3 48k
    }

    @Test
    void notAHeader() {
        assertNull(MpegAudioHeader.parse(0x12345678)); // no sync
        assertNull(MpegAudioHeader.parse(0xFFFB0000)); // free format
        assertNull(MpegAudioHeader.parse(0xFFFBF000)); // bitrate index 15
        assertNull(MpegAudioHeader.parse(0xFFFB9C00)); // sample rate index 3
        assertNull(MpegAudioHeader.parse(0xFFEB9000)); // reserved version
        assertNull(MpegAudioHeader.parse(0xFFF99000)); // reserved layer
    }
}
