package org.tributary.api;

import java.io.Serializable;
import java.util.List;

/**
 * How long something took, counted since the adapter started: how many times it happened, the total time,
 * and for each fixed upper bound how many took at most that long (cumulative, as a Prometheus histogram's
 * buckets; the last bound is infinity, so its count is {@code count}).
 *
 * @param upperBoundsSeconds the buckets' upper bounds in seconds, ascending, the last {@code +Infinity}
 * @param cumulativeCounts   for each bound, the events that took at most that long
 * @param count              every event
 * @param sumSeconds         their total duration in seconds
 */
public record LatencyDistribution(List<Double> upperBoundsSeconds, List<Long> cumulativeCounts, long count,
                                  double sumSeconds) implements Serializable {

    /** The adapter's bucket bounds in seconds, from 100 µs to 10 s, then infinity. */
    public static final List<Double> UPPER_BOUNDS_SECONDS = List.of(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
            0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, Double.POSITIVE_INFINITY);

    public LatencyDistribution {
        upperBoundsSeconds = List.copyOf(upperBoundsSeconds);
        cumulativeCounts = List.copyOf(cumulativeCounts);
        if (upperBoundsSeconds.size() != cumulativeCounts.size()) {
            throw new IllegalArgumentException(upperBoundsSeconds.size() + " bounds but " + cumulativeCounts.size()
                    + " counts");
        }
    }
}
