package org.tributary.hls;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The media segments made lately, least recently used out first, bounded in bytes (0 keeps none). A segment
 * larger than the bound is served but not kept. Keys name the presentation object, so a replaced file's
 * segments are never served for the new one; they age out.
 */
final class SegmentCache {

    record Key(Object presentation, int index) {
    }

    private final LinkedHashMap<Key, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long maxBytes;
    private long bytes;
    private long hits;
    private long misses;

    SegmentCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized byte[] get(Key key) {
        byte[] b = entries.get(key);
        if (b == null) {
            misses++;
        } else {
            hits++;
        }
        return b;
    }

    synchronized void put(Key key, byte[] segment) {
        if (segment.length > maxBytes) {
            return;
        }
        byte[] old = entries.put(key, segment);
        bytes += segment.length - (old == null ? 0 : old.length);
        trim();
    }

    /** A new bound, applied at once. */
    synchronized void resize(long newMaxBytes) {
        maxBytes = newMaxBytes;
        trim();
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    private void trim() {
        Iterator<Map.Entry<Key, byte[]>> it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= it.next().getValue().length;
            it.remove();
        }
    }
}
