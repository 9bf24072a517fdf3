package org.tributary.loadtool.rtp;

/**
 * One RTCP report block (RFC 3550 section 6.4.1) about one source.
 *
 * @param sourceSsrc      the SSRC reported on
 * @param fractionLost    8-bit fixed point fraction lost since the previous report
 * @param cumulativeLost  packets lost since reception began (24-bit signed on the wire)
 * @param extendedHighest highest extended sequence number received
 * @param jitter          interarrival jitter in timestamp units
 * @param lastSr          middle 32 bits of the last SR's NTP timestamp, 0 if none
 * @param delaySinceLastSr delay since that SR in 1/65536 s, 0 if none
 */
public record ReceptionReport(long sourceSsrc, int fractionLost, long cumulativeLost, long extendedHighest,
                              long jitter, long lastSr, long delaySinceLastSr) {
}
