package org.tributary.rtp.rtcp;

import java.util.random.RandomGenerator;

/**
 * The RTCP transmission interval of RFC 3550 §6.3.1 (algorithm of Appendix A.7), without timer
 * reconsideration. Bandwidth and sizes are in octets (per second).
 */
public final class RtcpInterval {
    public static final double MIN_INTERVAL_SECONDS = 5.0;
    /** e - 3/2: compensates for reconsideration converging below the intended bandwidth (§6.3.1). */
    public static final double COMPENSATION = Math.E - 1.5;
    private static final double SENDER_FRACTION = 0.25;

    private RtcpInterval() {
    }

    /**
     * The deterministic interval Td: our share of the RTCP bandwidth for the average packet size, at
     * least 5 s (2.5 s before the first report).
     *
     * @param rtcpBandwidth total RTCP bandwidth of the session, usually 5% of the session bandwidth
     */
    public static double deterministicSeconds(int members, int senders, double rtcpBandwidth, boolean weSent,
                                              double avgRtcpSize, boolean initial) {
        if (rtcpBandwidth <= 0) {
            throw new IllegalArgumentException("RTCP bandwidth must be positive: " + rtcpBandwidth);
        }
        double minimum = initial ? MIN_INTERVAL_SECONDS / 2 : MIN_INTERVAL_SECONDS;
        double n = Math.max(members, 1);
        double bandwidth = rtcpBandwidth;
        // When senders are at most a quarter of the members they share 25% of the bandwidth among
        // themselves and the receivers share the rest.
        if (senders <= members * SENDER_FRACTION) {
            if (weSent) {
                bandwidth *= SENDER_FRACTION;
                n = Math.max(senders, 1);
            } else {
                bandwidth *= 1 - SENDER_FRACTION;
                n = Math.max(members - senders, 1);
            }
        }
        return Math.max(avgRtcpSize * n / bandwidth, minimum);
    }

    /** The randomized interval T = Td * [0.5, 1.5) / (e - 3/2) in seconds. */
    public static double intervalSeconds(int members, int senders, double rtcpBandwidth, boolean weSent,
                                         double avgRtcpSize, boolean initial, RandomGenerator random) {
        double td = deterministicSeconds(members, senders, rtcpBandwidth, weSent, avgRtcpSize, initial);
        return td * (random.nextDouble() + 0.5) / COMPENSATION;
    }

    /** Updates the running average RTCP packet size (including lower-layer headers): avg += (size - avg)/16. */
    public static double updateAverageSize(double avgRtcpSize, int packetSize) {
        return avgRtcpSize + (packetSize - avgRtcpSize) / 16.0;
    }
}
