package org.tributary.web.hls;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteRangeTest {

    @Test
    void firstLastOpenEndedAndSuffixRanges() throws Exception {
        assertEquals(new ByteRange(0, 99), ByteRange.parse("bytes=0-99", 1000));
        assertEquals(new ByteRange(900, 999), ByteRange.parse("bytes=900-", 1000));
        assertEquals(new ByteRange(900, 999), ByteRange.parse("bytes=-100", 1000));
        assertEquals(new ByteRange(0, 999), ByteRange.parse("bytes=-5000", 1000));
        assertEquals(new ByteRange(990, 999), ByteRange.parse("bytes=990-5000", 1000), "the last byte is clipped");
        assertEquals("bytes 0-99/1000", new ByteRange(0, 99).contentRange(1000));
        assertEquals(100, new ByteRange(0, 99).length());
    }

    @Test
    void absentForeignSeveralOrMalformedRangesMeanTheWholeResource() throws Exception {
        assertNull(ByteRange.parse(null, 1000));
        assertNull(ByteRange.parse("items=0-1", 1000));
        assertNull(ByteRange.parse("bytes=0-1,5-6", 1000));
        assertNull(ByteRange.parse("bytes=a-b", 1000));
        assertNull(ByteRange.parse("bytes=50-10", 1000));
    }

    @Test
    void aRangePastTheEndIsUnsatisfiable() {
        assertThrows(ByteRange.UnsatisfiableException.class, () -> ByteRange.parse("bytes=1000-", 1000));
        assertThrows(ByteRange.UnsatisfiableException.class, () -> ByteRange.parse("bytes=-0", 1000));
    }
}
