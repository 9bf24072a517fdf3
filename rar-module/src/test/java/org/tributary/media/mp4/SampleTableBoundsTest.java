package org.tributary.media.mp4;

import static org.junit.jupiter.api.Assertions.*;
import static org.tributary.media.mp4.BoxWriter.*;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tributary.media.MediaFormatException;

/** Every table of an 'stbl' is bounded by the box that holds it and by the file; errors name the box. */
class SampleTableBoundsTest {
    private static final long FILE_SIZE = 10_000;
    private final SampleTableParser parser = new SampleTableParser(new ParseContext("hostile.mp4"), FILE_SIZE);

    private static Box box(String type, byte[] fullBoxBody) {
        return new Box(type, ByteBuffer.wrap(cat(u32(0), fullBoxBody)));
    }

    private static List<Box> withSizes(Box sizes) {
        return List.of(box("stts", u32(1, 5, 10)), sizes, box("stsc", u32(1, 1, 5, 1)), box("stco", u32(1, 100)));
    }

    private void assertRefused(String boxName, List<Box> stbl) {
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> parser.parse(stbl));
        assertTrue(e.getMessage().contains("'" + boxName + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("hostile.mp4"), e.getMessage());
    }

    @Test
    void fixedSizeStszClaimingFiftyMillionSamplesIsRefusedBeforeAnyTableIsAllocated() {
        // before the bound, the stts and offset tables (~800 MB) were built and only stsc noticed the lie
        assertRefused("stsz", withSizes(box("stsz", u32(1, 50_000_000))));
    }

    @Test
    void fixedSizeSamplesMustFitInTheFile() throws MediaFormatException {
        assertRefused("stsz", withSizes(box("stsz", u32(2_001, 5)))); // 10 005 bytes in a 10 000-byte file
        assertEquals(5, parser.parse(withSizes(box("stsz", u32(1_000, 5)))).count());
    }

    @Test
    void variableSizesMustFitInTheFileInAll() {
        assertRefused("stsz", withSizes(box("stsz", u32(0, 5, 3_000, 3_000, 3_000, 3_000, 1))));
    }

    @Test
    void stz2SizesMustFitInTheFileInAll() {
        assertRefused("stz2", withSizes(box("stz2", cat(u32(16, 5), u16(65_535, 65_535, 1, 1, 1)))));
    }

    @Test
    void aSampleLargerThanTheLimitIsRefused() {
        assertRefused("stsz", withSizes(box("stsz", u32(0, 1, Limits.MAX_SAMPLE_BYTES + 1L))));
    }

    @Test
    void entryCountsLargerThanTheirBoxAreRefused() {
        Box sizes = box("stsz", u32(1, 5));
        Box stsc = box("stsc", u32(1, 1, 5, 1));
        Box stco = box("stco", u32(1, 100));
        assertRefused("stsz", withSizes(box("stsz", u32(0, 1_000_000, 1, 2))));
        assertRefused("stts", List.of(box("stts", u32(0xFFFF_FFFFL, 5, 10)), sizes, stsc, stco));
        assertRefused("ctts", List.of(sizes, box("ctts", u32(10_000_000, 5, 0)), stsc, stco));
        assertRefused("stss", List.of(sizes, box("stss", u32(1_000_000, 1)), stsc, stco));
        assertRefused("stco", List.of(sizes, stsc, box("stco", u32(40_000_000, 100))));
        assertRefused("co64", List.of(sizes, stsc, box("co64", cat(u32(3), u64(100)))));
        assertRefused("stsc", List.of(sizes, box("stsc", u32(2_000_000, 1, 5, 1)), stco));
        assertRefused("stz2", withSizes(box("stz2", cat(u32(8, 1_000_000), u8(1, 2, 3)))));
    }

    @Test
    void chunkOffsetsOutsideTheFileAreRefused() {
        assertRefused("stco", List.of(box("stsz", u32(1, 5)), box("stsc", u32(1, 1, 5, 1)),
                box("stco", u32(1, FILE_SIZE + 1))));
    }
}
