package org.tributary.metrics;

import org.tributary.api.LatencyDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations counted into fixed buckets ({@link LatencyDistribution#UPPER_BOUNDS_SECONDS}), by any number of threads without a lock.
 * Buckets hold the events of their own range; {@link #snapshot} makes them cumulative.
 */
public final class LatencyHistogram {

    /** The buckets' upper bounds in nanoseconds; past the last one an event counts in the overflow bucket. */
    static final long[] BOUNDS_NANOS = LatencyDistribution.UPPER_BOUNDS_SECONDS.stream()
            .filter(Double::isFinite).mapToLong(seconds -> Math.round(seconds * 1e9)).toArray();

    private final LongAdder[] buckets = new LongAdder[BOUNDS_NANOS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    public LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** One event that took {@code nanos} (a negative duration counts as zero). */
    public void record(long nanos) {
        long duration = Math.max(0, nanos);
        buckets[bucketOf(duration)].increment();
        sumNanos.add(duration);
    }

    private static int bucketOf(long nanos) {
        for (int i = 0; i < BOUNDS_NANOS.length; i++) {
            if (nanos <= BOUNDS_NANOS[i]) {
                return i;
            }
        }
        return BOUNDS_NANOS.length;
    }

    /**
     * The counts now, cumulative by bound. Taken while other threads record, a bucket may already count an
     * event the sum does not have yet (or the reverse); the count is the overflow bucket's cumulative count,
     * so the buckets never exceed it.
     */
    public LatencyDistribution snapshot() {
        return snapshotOf(List.of(this));
    }

    /**
     * The counts of several histograms together, as one would have counted them: a hot path gives each of its
     * threads its own (threads incrementing the same counters make their cores trade its cache line every time).
     */
    public static LatencyDistribution snapshotOf(List<LatencyHistogram> histograms) {
        List<Long> cumulative = new ArrayList<>(BOUNDS_NANOS.length + 1);
        long running = 0;
        long sum = 0;
        for (int i = 0; i <= BOUNDS_NANOS.length; i++) {
            for (LatencyHistogram h : histograms) {
                running += h.buckets[i].sum();
            }
            cumulative.add(running);
        }
        for (LatencyHistogram h : histograms) {
            sum += h.sumNanos.sum();
        }
        return new LatencyDistribution(LatencyDistribution.UPPER_BOUNDS_SECONDS, cumulative, running, sum / 1e9);
    }
}
