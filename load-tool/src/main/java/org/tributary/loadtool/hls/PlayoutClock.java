package org.tributary.loadtool.hls;

/**
 * A player's clock over the media it has downloaded, in the caller's nanoseconds (so tests can drive it).
 * Playback starts when the first segment arrives and then advances in real time while there is media to play;
 * when the play position reaches the end of the downloaded media before the next segment has arrived, the
 * player stalls until it arrives. A stall is settled when that segment arrives (or the viewer ends), so no timer
 * is needed to notice it. The clock also says when to load the next segment: as soon as less than the buffer
 * goal is left to play. Not thread-safe: its viewer calls it under its own lock.
 */
final class PlayoutClock {
    private static final long NOT_STARTED = Long.MIN_VALUE;

    private long startNanos = NOT_STARTED;
    /** Seconds of media received since playback started. */
    private double receivedSeconds;
    /** Nanoseconds spent in stalls that have ended. */
    private long stalledNanos;
    private int stalls;
    /** No more media will come (a live stream ended): running out is the end, not a stall. */
    private boolean mediaEnded;
    private boolean stopped;

    /** A segment holding {@code seconds} of media has been received at {@code now}. */
    void append(long now, double seconds) {
        if (stopped) {
            return;
        }
        if (startNanos == NOT_STARTED) {
            startNanos = now;
        } else {
            settleStall(now);
        }
        receivedSeconds += seconds;
    }

    /** The stream will send no more media. */
    void endOfMedia() {
        mediaEnded = true;
    }

    /** The viewer ends at {@code now}: a stall going on then counts, up to now. */
    void stop(long now) {
        if (!stopped && startNanos != NOT_STARTED && !mediaEnded) {
            settleStall(now);
        }
        stopped = true;
    }

    /** If the play position ran out of media before {@code now}, one stall that lasted until now. */
    private void settleStall(long now) {
        long runOut = runsOutAt();
        if (now > runOut) {
            stalls++;
            stalledNanos += now - runOut;
        }
    }

    /** When the play position reaches the end of the received media if nothing more arrives. */
    private long runsOutAt() {
        return startNanos + stalledNanos + (long) (receivedSeconds * 1e9);
    }

    boolean started() {
        return startNanos != NOT_STARTED;
    }

    /**
     * Nanoseconds from {@code now} until less than {@code goalSeconds} is left to play; 0: load the next one now.
     * With a goal of 0 it is the media left to play.
     */
    long nanosUntilBelow(long now, double goalSeconds) {
        if (!started()) {
            return 0;
        }
        return Math.max(0, runsOutAt() - (long) (goalSeconds * 1e9) - now);
    }

    /** Stalls settled so far (an ongoing one counts once the next segment arrives or the viewer stops). */
    int stalls() {
        return stalls;
    }

    double stalledSeconds() {
        return stalledNanos / 1e9;
    }

    /** Whether the play position has run out of media at {@code now} and more is expected. */
    boolean stalling(long now) {
        return started() && !stopped && !mediaEnded && now > runsOutAt();
    }
}
