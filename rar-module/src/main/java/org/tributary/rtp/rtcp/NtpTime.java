package org.tributary.rtp.rtcp;

/**
 * A 64-bit NTP timestamp (RFC 3550 §4): seconds since 1900-01-01 UTC and a 32-bit binary fraction.
 *
 * @param seconds unsigned 32-bit seconds
 * @param fraction unsigned 32-bit fraction of a second
 */
public record NtpTime(long seconds, long fraction) {
    /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
    public static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    /** Converts a wall clock reading in milliseconds since 1970 (e.g. System.currentTimeMillis()). */
    public static NtpTime fromMillis(long unixMillis) {
        long seconds = Math.floorDiv(unixMillis, 1000) + EPOCH_OFFSET_SECONDS;
        long millis = Math.floorMod(unixMillis, 1000);
        return new NtpTime(seconds & 0xFFFFFFFFL, (millis << 32) / 1000);
    }

    /** The 64-bit wire value, seconds in the high word. */
    public long toLong() {
        return (seconds << 32) | fraction;
    }

    /** The middle 32 bits, as used by the LSR and DLSR fields of reception reports (RFC 3550 §6.4.1). */
    public long compact() {
        return ((seconds & 0xFFFF) << 16) | (fraction >>> 16);
    }
}
