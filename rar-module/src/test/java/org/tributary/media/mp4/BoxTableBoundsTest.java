package org.tributary.media.mp4;

import static org.junit.jupiter.api.Assertions.*;
import static org.tributary.media.mp4.BoxWriter.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.media.MediaFormatException;

/** Counts and lengths read from the file outside the sample tables: each is bounded by the bytes that hold it. */
class BoxTableBoundsTest {
    @TempDir
    Path dir;

    @Test
    void anEditListClaimingMoreEntriesThanItHoldsIsRefusedNamingElst() throws IOException {
        CraftedMovie.Track t = new CraftedMovie.Track().sampleSizes(3, 3);
        t.edts = box("edts", full("elst", 0, 0, u32(5_000_000), u32(250, 0, 0x10000)));
        Path file = dir.resolve("elst.mp4");
        Files.write(file, new CraftedMovie().track(t).build());
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> Mp4File.open(file).close());
        assertTrue(e.getMessage().contains("'elst'"), e.getMessage());
    }

    @Test
    void descriptorLengthsLargerThanTheEsdsAreCutToWhatItHolds() throws MediaFormatException {
        // ES_Descriptor and DecoderSpecificInfo each claim 2^28 - 1 bytes; the box holds two bytes of DSI
        ByteBuffer esds = ByteBuffer.wrap(cat(u32(0), u8(0x03, 0xFF, 0xFF, 0xFF, 0x7F), u16(1), u8(0),
                u8(0x04, 0x7F), u8(0x40, 0x15), u8(0, 0, 0), u32(128_000, 96_000), u8(0x05, 0xFF, 0xFF, 0xFF, 0x7F),
                u8(0x12, 0x10)));
        EsDescriptor d = EsDescriptor.parse(esds, new ParseContext("esds.mp4"));
        assertEquals(0x40, d.objectTypeIndication());
        assertArrayEquals(new byte[] {0x12, 0x10}, d.decoderSpecificInfo());
    }

    @Test
    void aHintPacketsPayloadLengthNeverWrapsAround() {
        List<HintConstructor> constructors = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            constructors.add(new HintConstructor.SampleRef((byte) 0, 65_535, 1, 0, 1, 1));
        }
        HintPacket p = new HintPacket(0, false, false, false, 96, 1, false, 0, false, false, constructors);
        assertEquals(Integer.MAX_VALUE, p.payloadLength(), "70 000 x 65 535 bytes would wrap to a negative int");
    }
}
