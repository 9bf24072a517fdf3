package org.tributary.loadtool.report;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of values (the p-th percentile is an observed value). */
public final class Percentiles {
    private final double[] sorted;

    public Percentiles(Collection<Double> values) {
        sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    public Percentiles(double[] values) {
        sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile, {@code p} in (0, 100]; NaN when empty. */
    public double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double p50() {
        return percentile(50);
    }

    public double p99() {
        return percentile(99);
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public double mean() {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return sum / sorted.length;
    }
}
