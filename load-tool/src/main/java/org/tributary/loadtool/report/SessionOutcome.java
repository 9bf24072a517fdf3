package org.tributary.loadtool.report;

import java.util.List;
import org.tributary.loadtool.rtp.TrackStats;

/**
 * What one session achieved.
 *
 * @param played          PLAY was answered 2xx
 * @param failure         why it failed (an error key), or null
 * @param setupMs         connect to PLAY response, ms; NaN if it never played
 * @param firstPacketMs   PLAY request to first RTP packet, ms; NaN if none arrived
 * @param firstKeyFrameMs PLAY request to the first H.264 packet a decoder can start with (SPS, IDR), ms; NaN if none
 * @param playingSeconds  PLAY response to TEARDOWN (or failure)
 * @param tracks          reception statistics per track
 */
public record SessionOutcome(boolean played, String failure, double setupMs, double firstPacketMs,
                             double firstKeyFrameMs, double playingSeconds, List<TrackStats> tracks,
                             double teardownMs) {

    /** A session is ok when it played, received media and did not fail. */
    public boolean ok() {
        return played && failure == null && receivedPackets() > 0;
    }

    public long receivedPackets() {
        long sum = 0;
        for (TrackStats t : tracks) {
            sum += t.received();
        }
        return sum;
    }

    public long bytes() {
        long sum = 0;
        for (TrackStats t : tracks) {
            sum += t.bytes();
        }
        return sum;
    }
}
