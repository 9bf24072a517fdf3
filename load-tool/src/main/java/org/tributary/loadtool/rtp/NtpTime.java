package org.tributary.loadtool.rtp;

/** NTP timestamp helpers for RTCP (RFC 3550 section 4). */
public final class NtpTime {
    private NtpTime() {
    }

    /** The middle 32 bits of a 64-bit NTP timestamp: the LSR field of a report block. */
    public static long middle32(long ntpSeconds, long ntpFraction) {
        return (((ntpSeconds & 0xFFFF) << 16) | ((ntpFraction >>> 16) & 0xFFFF)) & 0xFFFFFFFFL;
    }

    /** A delay expressed in units of 1/65536 s, as the DLSR field wants, clamped to 32 bits. */
    public static long toDlsrUnits(long delayNanos) {
        if (delayNanos <= 0) {
            return 0;
        }
        long units = (long) (delayNanos / 1e9 * 65536.0);
        return Math.min(units, 0xFFFFFFFFL);
    }
}
