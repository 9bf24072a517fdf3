package org.tributary.hls;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class SegmentCacheTest {

    private final Object file = new Object();

    private SegmentCache.Key key(int i) {
        return new SegmentCache.Key(file, i);
    }

    @Test
    void theLeastRecentlyUsedSegmentGoesFirstWhenTheBoundIsPassed() {
        SegmentCache cache = new SegmentCache(300);
        cache.put(key(0), new byte[100]);
        cache.put(key(1), new byte[100]);
        cache.put(key(2), new byte[100]);
        assertNotNull(cache.get(key(0))); // 1 is now the oldest
        cache.put(key(3), new byte[100]);
        assertNull(cache.get(key(1)));
        assertNotNull(cache.get(key(0)));
        assertNotNull(cache.get(key(3)));
        assertEquals(300, cache.bytes());
        assertEquals(3, cache.size());
    }

    @Test
    void aSegmentLargerThanTheBoundIsNotKeptAndShrinkingEvicts() {
        SegmentCache cache = new SegmentCache(150);
        cache.put(key(0), new byte[200]);
        assertNull(cache.get(key(0)));
        cache.put(key(1), new byte[100]);
        cache.resize(50);
        assertEquals(0, cache.bytes());
        assertNull(cache.get(key(1)));
        assertEquals(0, cache.hits());
        assertEquals(2, cache.misses());
    }

    @Test
    void otherPresentationsOfTheSameIndexAreOtherEntries() {
        SegmentCache cache = new SegmentCache(1000);
        cache.put(key(0), new byte[10]);
        assertNull(cache.get(new SegmentCache.Key(new Object(), 0)));
    }
}
