package org.tributary.media.mp4;

import static org.junit.jupiter.api.Assertions.*;
import static org.tributary.media.mp4.BoxWriter.*;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.media.MediaFormatException;

class RtpHintSampleTest {
    @TempDir
    Path dir;

    static byte[] immediate(int... bytes) {
        return cat(u8(1, bytes.length), u8(bytes), zeros(14 - bytes.length));
    }

    static byte[] sampleRef(int ref, int length, long sample, long offset) {
        return cat(u8(2, ref), u16(length), u32(sample, offset), u16(1, 1));
    }

    static byte[] descriptionRef(int ref, int length, long index, long offset) {
        return cat(u8(3, ref), u16(length), u32(index, offset, 0));
    }

    /** Packet 1: marker, PT 96, immediate + sample ref; packet 2: 'rtpo' TLV, description ref, nop, self ref. */
    static byte[] hintSample() {
        byte[] p1 = cat(u32(0), u16(0x8000 | 0x80 | 96), u16(7), u16(0), u16(2),
                immediate(0x7C, 0x85), sampleRef(0, 4, 2, 1));
        byte[] tlv = cat(u32(16), u32(12), ascii("rtpo"), u32(-3000));
        byte[] p2 = cat(u32(-1500), u16(0x2000 | 0x1000 | 97), u16(8), u16(0x4 | 0x2), u16(3), tlv,
                descriptionRef(0, 4, 1, 4), cat(u8(0), zeros(15)), sampleRef(-1, 2, 1, 0));
        return cat(u16(2, 0), p1, p2);
    }

    @Test
    void parsesPacketsHeadersAndConstructors() throws MediaFormatException {
        RtpHintSample s = RtpHintSample.parse(ByteBuffer.wrap(hintSample()));
        assertEquals(2, s.entryCount());
        HintPacket p1 = s.packets().get(0);
        assertTrue(p1.marker());
        assertFalse(p1.padding());
        assertEquals(96, p1.payloadType());
        assertEquals(7, p1.sequenceNumber());
        assertFalse(p1.hasExtraInfo());
        assertEquals(6, p1.payloadLength());
        assertArrayEquals(u8(0x7C, 0x85), ((HintConstructor.Immediate) p1.constructors().get(0)).data());
        assertEquals(new HintConstructor.SampleRef(0, 4, 2, 1, 1, 1), p1.constructors().get(1));
        HintPacket p2 = s.packets().get(1);
        assertEquals(-1500, p2.relativeTransmissionTime());
        assertTrue(p2.padding());
        assertTrue(p2.extension());
        assertFalse(p2.marker());
        assertEquals(97, p2.payloadType());
        assertTrue(p2.hasExtraInfo());
        assertTrue(p2.bFrame());
        assertFalse(p2.repeat());
        assertEquals(-3000, p2.rtpTimestampOffset());
        assertEquals(new HintConstructor.SampleDescriptionRef(0, 4, 1, 4), p2.constructors().get(0));
        assertEquals(new HintConstructor.Nop(), p2.constructors().get(1));
        assertEquals(new HintConstructor.SampleRef(-1, 2, 1, 0, 1, 1), p2.constructors().get(2));
    }

    @Test
    void truncatedHintSampleIsAFormatError() {
        byte[] full = hintSample();
        for (int len = 0; len < full.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(full, len);
            assertThrows(MediaFormatException.class, () -> RtpHintSample.parse(ByteBuffer.wrap(cut)), "len " + len);
        }
    }

    @Test
    void assemblesPayloadFromMediaDescriptionAndHintTrack() throws Exception {
        CraftedMovie.Track video = new CraftedMovie.Track().sampleSizes(10, 10);
        CraftedMovie.Track hint = new CraftedMovie.Track();
        hint.id = 2;
        hint.handler = "hint";
        hint.timescale = 90000;
        hint.stsdEntry = box("rtp ", zeros(6), u16(1), u16(1, 1), u32(1450), box("tims", u32(90000)));
        hint.samples.add(hintSample());
        hint.tref = box("tref", box("hint", u32(1)));
        try (Mp4File f = Mp4File.open(write(new CraftedMovie().track(video).track(hint).build()))) {
            Mp4Track h = f.trackById(2);
            assertArrayEquals(new int[] {1}, h.trackReferences("hint"));
            assertEquals(90000, h.rtpTimescale());
            assertEquals(1450, h.maxPacketSize());
            ByteBuffer sample = ByteBuffer.allocate(h.samples().size(0));
            f.readSample(h, 0, sample);
            RtpHintSample s = RtpHintSample.parse(sample.flip());
            ByteBuffer out = ByteBuffer.allocate(64);
            assertEquals(6, HintPacketAssembler.assemble(s.packets().get(0), f, h, out));
            assertArrayEquals(u8(0x7C, 0x85, 2, 2, 2, 2), java.util.Arrays.copyOf(out.array(), out.position()));
            out.clear();
            assertEquals(6, HintPacketAssembler.assemble(s.packets().get(1), f, h, out));
            // "avc1" from the description, then the first two bytes of the hint sample itself (entry count 2)
            assertArrayEquals(cat(ascii("avc1"), u8(0, 2)), java.util.Arrays.copyOf(out.array(), out.position()));
            assertThrows(IllegalArgumentException.class,
                    () -> HintPacketAssembler.assemble(s.packets().get(0), f, h, ByteBuffer.allocate(3)));
        }
    }

    private Path write(byte[] data) throws java.io.IOException {
        Path p = dir.resolve("hint.mp4");
        Files.write(p, data);
        return p;
    }
}
