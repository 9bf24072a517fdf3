package org.tributary.session;

/**
 * How much a session's retransmissions (RFC 4588) may cost.
 *
 * @param rtxTimeMillis   how long after its first sending a packet may be resent (the SDP's {@code rtx-time})
 * @param bandwidthPercent resent bytes at most, as a share of the bytes the track sends (0: nothing resent)
 * @param maxResends      times one packet is resent at most
 * @param historyBytes    bytes of sent packets kept per track for resending
 */
public record RtxLimits(int rtxTimeMillis, int bandwidthPercent, int maxResends, int historyBytes) {

    /** The packets kept per track at most, whatever their size. */
    static final int HISTORY_PACKETS = 4096;

    public RtxLimits {
        if (rtxTimeMillis < 1 || bandwidthPercent < 0 || bandwidthPercent > 100 || maxResends < 1 || historyBytes < 1) {
            throw new IllegalArgumentException("rtx limits out of range: rtx-time " + rtxTimeMillis + " ms, "
                    + bandwidthPercent + " %, " + maxResends + " resends, " + historyBytes + " bytes");
        }
    }
}
