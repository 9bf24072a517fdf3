package org.tributary.loadtool.rtp;

/**
 * Interarrival jitter estimator of RFC 3550 section 6.4.1 (algorithm of appendix A.8).
 *
 * <p>For packets i-1 and i, with arrival times R and RTP timestamps S both in timestamp units,
 * D(i-1,i) = (R_i - R_{i-1}) - (S_i - S_{i-1}), and J += (|D| - J) / 16.
 * Arrival times are given in nanoseconds and converted with the stream's clock rate.
 * The first packet only primes the estimator. Not thread-safe.
 */
public final class JitterEstimator {
    private final double clockRate;
    private boolean primed;
    private double previousTransit;
    private double jitter;
    private double jitterSum;
    private long samples;
    private double jitterMax;

    public JitterEstimator(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        this.clockRate = clockRate;
    }

    /**
     * Feeds one packet.
     *
     * @param arrivalNanos arrival time on any monotonic clock, nanoseconds
     * @param rtpTimestamp the packet's 32-bit RTP timestamp (unsigned, in the low 32 bits)
     */
    public void onPacket(long arrivalNanos, long rtpTimestamp) {
        double arrivalUnits = arrivalNanos * clockRate / 1e9;
        double transit = arrivalUnits - (rtpTimestamp & 0xFFFFFFFFL);
        if (primed) {
            double d = transit - previousTransit;
            // RTP timestamps wrap at 2^32; a transit step of nearly 2^32 is a wrap, not a delay.
            if (d > 2147483648.0) {
                d -= 4294967296.0;
            } else if (d < -2147483648.0) {
                d += 4294967296.0;
            }
            jitter += (Math.abs(d) - jitter) / 16.0;
            jitterSum += jitter;
            samples++;
            jitterMax = Math.max(jitterMax, jitter);
        }
        previousTransit = transit;
        primed = true;
    }

    /** Current estimate J in timestamp units (the value an RTCP report block carries). */
    public double jitterUnits() {
        return jitter;
    }

    /** Current estimate J in milliseconds. */
    public double jitterMillis() {
        return jitter * 1000.0 / clockRate;
    }

    /** Mean of J over every packet after the first, in milliseconds; 0 when fewer than two packets. */
    public double meanJitterMillis() {
        return samples == 0 ? 0.0 : (jitterSum / samples) * 1000.0 / clockRate;
    }

    /** Largest J seen, in milliseconds. */
    public double maxJitterMillis() {
        return jitterMax * 1000.0 / clockRate;
    }

    public int clockRate() {
        return (int) clockRate;
    }
}
