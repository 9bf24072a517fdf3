package org.tributary.rtp.rtcp;

/**
 * One report block of an RR or SR (RFC 3550 §6.4.1).
 *
 * @param reporterSsrc SSRC of the receiver that sent the report
 * @param ssrc the source this block reports on
 * @param fractionLost 8-bit fixed point fraction lost since the previous report
 * @param cumulativeLost 24-bit signed cumulative number of packets lost
 * @param extendedHighestSequence cycles (high 16 bits) and highest sequence number received
 * @param jitter interarrival jitter in RTP timestamp units
 * @param lastSr middle 32 bits of the NTP timestamp of the last SR received, 0 if none
 * @param delaySinceLastSr delay since that SR in units of 1/65536 s
 */
public record ReceptionReport(long reporterSsrc, long ssrc, int fractionLost, int cumulativeLost,
                              long extendedHighestSequence, long jitter, long lastSr, long delaySinceLastSr) {

    /** Round-trip time in ms computed as in RFC 3550 §6.4.1, or -1 when the receiver has no SR yet. */
    public long roundTripMillis(long nowWallClockMillis) {
        if (lastSr == 0) {
            return -1;
        }
        long rtt = (NtpTime.fromMillis(nowWallClockMillis).compact() - lastSr - delaySinceLastSr) & 0xFFFFFFFFL;
        if (rtt > 0x7FFFFFFFL) {
            return -1; // negative: clocks or fields inconsistent
        }
        return rtt * 1000 / 65536;
    }
}
