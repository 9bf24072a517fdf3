package org.tributary.media.mp4;

import static org.junit.jupiter.api.Assertions.*;
import static org.tributary.media.mp4.BoxWriter.*;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tributary.media.MediaFormatException;

class SampleTableParserTest {
    private final SampleTableParser parser = new SampleTableParser(new ParseContext("t.mp4"), 10_000);

    private static Box box(String type, byte[] fullBoxBody) {
        return new Box(type, ByteBuffer.wrap(cat(u32(0), fullBoxBody)));
    }

    private List<Box> stbl(Box sizes) {
        return List.of(box("stts", u32(1, 5, 10)), sizes, box("stsc", u32(1, 1, 5, 1)), box("stco", u32(1, 100)));
    }

    @Test
    void stz2With4BitAnd16BitFields() throws MediaFormatException {
        SampleTable four = parser.parse(stbl(box("stz2", cat(u32(4, 5), u8(0x12, 0x34, 0x50)))));
        assertEquals(5, four.count());
        assertEquals(List.of(1, 2, 3, 4, 5), List.of(four.size(0), four.size(1), four.size(2), four.size(3), four.size(4)));
        assertEquals(103, four.offset(2));
        assertEquals(40, four.decodeTime(4));
        SampleTable sixteen = parser.parse(stbl(box("stz2", cat(u32(16, 5), u16(300, 1, 2, 3, 4)))));
        assertEquals(300, sixteen.size(0));
        assertEquals(401, sixteen.offset(2));
        assertEquals(310, sixteen.totalBytes());
    }

    @Test
    void cttsVersion0AndShortStts() throws MediaFormatException {
        SampleTable t = parser.parse(List.of(box("stts", u32(1, 2, 10)), box("stsz", u32(1, 5)),
                box("ctts", u32(1, 5, 20)), box("stsc", u32(1, 1, 5, 1)), box("stco", u32(1, 0))));
        assertEquals(40, t.decodeTime(4), "a short stts repeats its last delta");
        assertEquals(20, t.compositionOffset(4));
    }

    @Test
    void chunksThatDoNotHoldEverySampleAreRejected() {
        assertThrows(MediaFormatException.class, () -> parser.parse(List.of(box("stsz", u32(1, 5)),
                box("stsc", u32(1, 1, 2, 1)), box("stco", u32(1, 0)))));
    }

    @Test
    void truncatedStszIsRejected() {
        assertThrows(MediaFormatException.class, () -> parser.parse(List.of(box("stsz", u32(0, 5, 1, 2)),
                box("stsc", u32(1, 1, 5, 1)), box("stco", u32(1, 0)))));
    }
}
