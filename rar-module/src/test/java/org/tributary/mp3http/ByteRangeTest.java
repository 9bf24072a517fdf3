package org.tributary.mp3http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteRangeTest {

    private static ByteRange parse(String header) throws ByteRange.Unsatisfiable {
        return ByteRange.parse(header, 1000);
    }

    @Test
    void oneRangeInEachForm() throws Exception {
        assertEquals(new ByteRange(100, 199), parse("bytes=100-199"));
        assertEquals(new ByteRange(100, 999), parse("bytes=100-"));
        assertEquals(new ByteRange(900, 999), parse("bytes=-100"));
        assertEquals(new ByteRange(0, 999), parse("bytes=-5000"), "a suffix longer than the body is all of it");
        assertEquals(new ByteRange(990, 999), parse("Bytes = 990-5000"), "the last byte is clamped");
        assertEquals(100, parse("bytes=100-199").length());
    }

    @Test
    void whatAServerMayIgnoreGivesTheWholeBody() throws Exception {
        assertNull(parse(null));
        assertNull(parse("items=1-2"), "another unit");
        assertNull(parse("bytes=1-2,5-6"), "several ranges");
        assertNull(parse("bytes=20-10"), "last before first");
        assertNull(parse("bytes=a-b"));
        assertNull(parse("bytes=+1-2"));
        assertNull(parse("bytes 1-2"));
    }

    @Test
    void aRangePastTheEndIsUnsatisfiable() {
        ByteRange.Unsatisfiable e = assertThrows(ByteRange.Unsatisfiable.class, () -> parse("bytes=1000-"));
        assertTrue(e.getMessage().contains("past the end (1000 bytes)"), e.getMessage());
        assertThrows(ByteRange.Unsatisfiable.class, () -> parse("bytes=-0"));
    }
}
