package org.tributary.loadtool.report;

/**
 * What one HLS viewer achieved.
 *
 * @param played         its first media segment arrived, so its playback started
 * @param failure        why it ended before the run did (an error key), or null
 * @param requestErrors  its loads that failed without ending it (each also counted by key in the run's errors)
 * @param firstSegmentMs its first request sent to its first media segment received, ms; NaN if none arrived
 * @param playingSeconds its first media segment to its end: the viewer-seconds it was watching (stalls included)
 * @param segments       media segments received
 * @param bytes          body bytes received: playlists (as sent, gzipped or not), the init segment, media segments
 * @param playlistLoads  playlists received: the multivariant one, the media playlist and its live reloads
 * @param stalls         times its play clock reached the end of the downloaded media before the next segment came
 * @param stalledSeconds the time it spent stalled
 */
public record ViewerOutcome(boolean played, String failure, int requestErrors, double firstSegmentMs,
                            double playingSeconds, long segments, long bytes, long playlistLoads, int stalls,
                            double stalledSeconds) {

    /** A viewer is ok when it played and none of its loads failed. */
    public boolean ok() {
        return played && failure == null && requestErrors == 0;
    }
}
