package org.tributary.loadtool.rtp;

/**
 * A consistent snapshot of one track's reception, summed over its sources; jitter figures are
 * those of the source with the most packets (normally the only one).
 */
public record TrackStats(String media, int clockRate, int sources, long received, long expected, long lost,
                         long duplicates, long reordered, long wraps, long bytes, double jitterMs,
                         double meanJitterMs, double maxJitterMs, long rtcpPackets, long senderReports,
                         long receiverReportsSent) {
}
