package org.tributary.ejb.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed ring of the last samples: adding past capacity overwrites the oldest, so an hour of history
 * costs the same memory forever. Not thread-safe: {@link StatsService} guards it.
 */
final class StatsHistory {

    private final StatsSample[] ring;
    private int next;
    private int size;

    StatsHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        ring = new StatsSample[capacity];
    }

    void add(StatsSample sample) {
        ring[next] = sample;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** The newest sample, or null when none was added yet. */
    StatsSample latest() {
        return size == 0 ? null : ring[(next - 1 + ring.length) % ring.length];
    }

    /** Oldest first, only samples not older than {@code window} before {@code now}. */
    List<StatsSample> since(Instant now, Duration window) {
        Instant cutoff = now.minus(window);
        List<StatsSample> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            StatsSample s = ring[(next - size + i + ring.length) % ring.length];
            if (!s.time().isBefore(cutoff)) {
                out.add(s);
            }
        }
        return out;
    }

    int size() {
        return size;
    }
}
