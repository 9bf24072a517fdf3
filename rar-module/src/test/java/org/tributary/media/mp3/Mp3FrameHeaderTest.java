package org.tributary.media.mp3;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class Mp3FrameHeaderTest {
    @Test
    void mpeg1Layer3() {
        Mp3FrameHeader h = Mp3FrameHeader.parse(0xFFFB9064);
        assertEquals(Mp3FrameHeader.Version.MPEG_1, h.version());
        assertEquals(3, h.layer());
        assertEquals(128000, h.bitrate());
        assertEquals(44100, h.sampleRate());
        assertFalse(h.padding());
        assertFalse(h.crcProtected());
        assertEquals(1, h.channelMode()); // joint stereo
        assertEquals(2, h.channels());
        assertEquals(1152, h.samplesPerFrame());
        assertEquals(417, h.frameLength());
        assertEquals(418, Mp3FrameHeader.parse(0xFFFB9264).frameLength()); // padded
    }

    @Test
    void mpeg2AndMpeg25Layer3() {
        Mp3FrameHeader v2 = Mp3FrameHeader.parse(0xFFF380C4); // MPEG-2, 64 kbps, 22050 Hz, mono
        assertEquals(Mp3FrameHeader.Version.MPEG_2, v2.version());
        assertEquals(64000, v2.bitrate());
        assertEquals(22050, v2.sampleRate());
        assertEquals(1, v2.channels());
        assertEquals(576, v2.samplesPerFrame());
        assertEquals(208, v2.frameLength());
        Mp3FrameHeader v25 = Mp3FrameHeader.parse(0xFFE38800); // MPEG-2.5, 64 kbps, 8000 Hz
        assertEquals(Mp3FrameHeader.Version.MPEG_2_5, v25.version());
        assertEquals(8000, v25.sampleRate());
        assertEquals(576, v25.frameLength());
    }

    @Test
    void layer1And2() {
        Mp3FrameHeader l2 = Mp3FrameHeader.parse(0xFFFD9000); // MPEG-1 L2, 160 kbps, 44100, CRC off
        assertEquals(2, l2.layer());
        assertEquals(160000, l2.bitrate());
        assertEquals(1152, l2.samplesPerFrame());
        assertEquals(522, l2.frameLength());
        Mp3FrameHeader l1 = Mp3FrameHeader.parse(0xFFFE9400); // MPEG-1 L1, 288 kbps, 48000, CRC on
        assertEquals(1, l1.layer());
        assertTrue(l1.crcProtected());
        assertEquals(288000, l1.bitrate());
        assertEquals(384, l1.samplesPerFrame());
        assertEquals(288, l1.frameLength());
    }

    @Test
    void invalidHeadersAreNull() {
        assertNull(Mp3FrameHeader.parse(0x00000000));
        assertNull(Mp3FrameHeader.parse(0xFFEB9064)); // reserved version
        assertNull(Mp3FrameHeader.parse(0xFFF99064)); // reserved layer
        assertNull(Mp3FrameHeader.parse(0xFFFB0064)); // free-format bitrate
        assertNull(Mp3FrameHeader.parse(0xFFFBF064)); // bad bitrate
        assertNull(Mp3FrameHeader.parse(0xFFFB9C64)); // reserved sample rate
        assertNull(Mp3FrameHeader.parse(0xFFFB9066)); // reserved emphasis
    }
}
