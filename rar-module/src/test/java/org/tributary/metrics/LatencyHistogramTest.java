package org.tributary.metrics;

import org.junit.jupiter.api.Test;
import org.tributary.api.LatencyDistribution;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencyHistogramTest {

    @Test
    void anEmptyHistogramCountsNothing() {
        LatencyDistribution d = new LatencyHistogram().snapshot();
        assertEquals(0, d.count());
        assertEquals(0.0, d.sumSeconds());
        assertEquals(LatencyHistogram.BOUNDS_NANOS.length + 1, d.upperBoundsSeconds().size());
        assertEquals(Double.POSITIVE_INFINITY, d.upperBoundsSeconds().get(d.upperBoundsSeconds().size() - 1));
        d.cumulativeCounts().forEach(c -> assertEquals(0L, c));
    }

    @Test
    void eventsCountInTheirBucketAndEveryBucketAbove() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(50_000);            // 50 µs: the first bucket (<= 100 µs)
        h.record(100_000);           // exactly on a bound: that bucket
        h.record(3_000_000);         // 3 ms: <= 5 ms
        h.record(60_000_000_000L);   // a minute: only +Inf
        LatencyDistribution d = h.snapshot();
        assertEquals(4, d.count());
        assertEquals(60.00315, d.sumSeconds(), 1e-9);
        assertEquals(0.0001, d.upperBoundsSeconds().get(0));
        assertEquals(2L, d.cumulativeCounts().get(0));
        int fiveMs = d.upperBoundsSeconds().indexOf(0.005);
        assertEquals(2L, d.cumulativeCounts().get(fiveMs - 1), "2.5 ms holds only the first two");
        assertEquals(3L, d.cumulativeCounts().get(fiveMs));
        int tenS = d.upperBoundsSeconds().indexOf(10.0);
        assertEquals(3L, d.cumulativeCounts().get(tenS));
        assertEquals(4L, d.cumulativeCounts().get(tenS + 1));
    }

    @Test
    void aNegativeDurationCountsAsZero() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        LatencyDistribution d = h.snapshot();
        assertEquals(1L, d.cumulativeCounts().get(0));
        assertEquals(0.0, d.sumSeconds());
    }

    @Test
    void boundsAscend() {
        List<Double> bounds = new LatencyHistogram().snapshot().upperBoundsSeconds();
        for (int i = 1; i < bounds.size(); i++) {
            assertEquals(true, bounds.get(i) > bounds.get(i - 1), bounds.toString());
        }
    }
}
