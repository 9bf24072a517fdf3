package org.tributary.loadtool.hls;

import java.util.List;
import org.tributary.loadtool.hls.Playlist.Segment;

/**
 * Which media segment a viewer loads next, by media sequence number so that it survives a live playlist's
 * reloads. A VOD playlist (one with {@code #EXT-X-ENDLIST} when the viewer joins) is played from its first segment
 * and looped back to it after the last. A live playlist is joined {@value #LIVE_JOIN_TARGET_DURATIONS} target
 * durations from its live edge, as hls.js does (the segments' durations summed back from the last one), and
 * followed as it grows; when it ends, so does the cursor.
 */
final class SegmentCursor {
    static final int LIVE_JOIN_TARGET_DURATIONS = 3;

    private final boolean loops;
    private long nextSequence;

    private SegmentCursor(boolean loops, long nextSequence) {
        this.loops = loops;
        this.nextSequence = nextSequence;
    }

    /** Where a viewer that has just loaded this media playlist starts. */
    static SegmentCursor joining(Playlist playlist) {
        if (playlist.endList()) {
            return new SegmentCursor(true, playlist.mediaSequence());
        }
        List<Segment> segments = playlist.segments();
        double behindEdge = 0;
        int start = segments.size();
        double join = LIVE_JOIN_TARGET_DURATIONS * playlist.targetDurationSeconds();
        while (start > 0 && behindEdge < join) {
            start--;
            behindEdge += segments.get(start).durationSeconds();
        }
        return new SegmentCursor(false, playlist.mediaSequence() + start);
    }

    /** A live playlist has already dropped the next segment (the viewer fell behind its window). */
    boolean behindWindow(Playlist playlist) {
        return nextSequence < playlist.mediaSequence();
    }

    /** Moves on to the oldest segment the playlist still has. */
    void rejoin(Playlist playlist) {
        nextSequence = playlist.mediaSequence();
    }

    /** The next segment, or null when a live playlist does not have it yet or has ended before it. */
    Segment next(Playlist playlist) {
        long index = nextSequence - playlist.mediaSequence();
        List<Segment> segments = playlist.segments();
        return index >= 0 && index < segments.size() ? segments.get((int) index) : null;
    }

    /** Moves past {@code loaded}, which {@link #next} gave (whether or not its load succeeded). */
    void advancePast(Segment loaded, Playlist playlist) {
        long last = playlist.mediaSequence() + playlist.segments().size() - 1;
        nextSequence = loops && loaded.sequence() >= last ? playlist.mediaSequence() : loaded.sequence() + 1;
    }

    /** Every segment of an ended live playlist has been loaded: there will be no next one. */
    boolean finished(Playlist playlist) {
        return !loops && playlist.endList()
                && nextSequence >= playlist.mediaSequence() + playlist.segments().size();
    }
}
