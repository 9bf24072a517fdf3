package org.tributary.session;

import org.tributary.rtp.rtcp.ReceptionReport;

/**
 * Decides, from a client's RTCP receiver reports, how far to thin its video: one level heavier when the
 * reported loss is above the threshold, one level lighter when it has fallen to half the threshold or less,
 * and never two changes within the minimum time per level (hysteresis, so a single burst does not make the
 * picture swing). Loss between half the threshold and the threshold keeps the level. Jitter is not looked at:
 * a late packet is not a lost one. Pure: the caller passes the time.
 */
public final class ThinningPolicy {

    /** RTCP's fraction lost is a fixed-point number with the binary point at the left edge (RFC 3550 6.4.1). */
    private static final int FRACTION_ONE = 256;

    private final int thresholdFraction;
    private final long minNanosPerLevel;
    private ThinningLevel level = ThinningLevel.NONE;
    private long changedAtNanos;
    private boolean changedOnce;

    /**
     * @param thresholdPercent loss above which the level goes up, 1..100
     * @param minMillisPerLevel how long a level is kept at least before the next change
     */
    public ThinningPolicy(int thresholdPercent, long minMillisPerLevel) {
        if (thresholdPercent < 1 || thresholdPercent > 100) {
            throw new IllegalArgumentException("thinning threshold must be 1..100 %, not " + thresholdPercent);
        }
        if (minMillisPerLevel < 0) {
            throw new IllegalArgumentException("minimum time per level must not be negative: " + minMillisPerLevel);
        }
        this.thresholdFraction = thresholdPercent * FRACTION_ONE / 100;
        this.minNanosPerLevel = minMillisPerLevel * 1_000_000L;
    }

    /**
     * One receiver report about the track, received at {@code nowNanos}; only its fraction lost counts.
     *
     * @return the level from now on
     */
    public ThinningLevel report(ReceptionReport report, long nowNanos) {
        int fractionLost = report.fractionLost();
        if (changedOnce && nowNanos - changedAtNanos < minNanosPerLevel) {
            return level;
        }
        ThinningLevel next = level;
        if (fractionLost > thresholdFraction) {
            next = level.heavier();
        } else if (fractionLost * 2 <= thresholdFraction) {
            next = level.lighter();
        }
        if (next != level) {
            level = next;
            changedAtNanos = nowNanos;
            changedOnce = true;
        }
        return level;
    }

    public ThinningLevel level() {
        return level;
    }

    /** A report's fraction lost as a percentage, for log lines. */
    public static double percent(int fractionLost) {
        return fractionLost * 100.0 / FRACTION_ONE;
    }
}
