package org.tributary.loadtool.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The player's clock driven by a fake time: when to load, when it stalls and for how long. */
class PlayoutClockTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 5_000 * S;

    @Test
    void beforeTheFirstSegmentNothingPlaysAndTheNextLoadIsDueAtOnce() {
        PlayoutClock clock = new PlayoutClock();
        assertFalse(clock.started());
        assertEquals(0, clock.nanosUntilBelow(T0, 6));
        assertFalse(clock.stalling(T0));
    }

    @Test
    void theNextSegmentIsDueWhenLessThanTheGoalIsLeftToPlay() {
        PlayoutClock clock = new PlayoutClock();
        clock.append(T0, 6);
        assertTrue(clock.started());
        assertEquals(6 * S, clock.nanosUntilBelow(T0, 0), "6 s left to play");
        assertEquals(0, clock.nanosUntilBelow(T0, 6), "exactly the goal ahead: load now");
        clock.append(T0 + S / 2, 6);
        assertEquals(11 * S + S / 2, clock.nanosUntilBelow(T0 + S / 2, 0));
        assertEquals(5 * S + S / 2, clock.nanosUntilBelow(T0 + S / 2, 6), "due when 6 s are left, at T0 + 6 s");
        assertEquals(3 * S, clock.nanosUntilBelow(T0 + 9 * S, 0));
        assertEquals(0, clock.nanosUntilBelow(T0 + 9 * S, 6));
        assertEquals(0, clock.stalls());
    }

    @Test
    void segmentsInTimeNeverStall() {
        PlayoutClock clock = new PlayoutClock();
        long now = T0;
        for (int i = 0; i < 20; i++) {
            clock.append(now, 2);
            now += clock.nanosUntilBelow(now, 2) + S / 10; // each load takes 100 ms
        }
        assertEquals(0, clock.stalls());
        assertEquals(0.0, clock.stalledSeconds());
    }

    @Test
    void aSegmentArrivingAfterThePlayClockRanOutIsOneStallOfTheWait() {
        PlayoutClock clock = new PlayoutClock();
        clock.append(T0, 2);
        clock.append(T0 + S, 2); // 4 s of media, runs out at T0 + 4 s
        assertFalse(clock.stalling(T0 + 4 * S));
        assertTrue(clock.stalling(T0 + 4 * S + 1));
        assertEquals(0, clock.nanosUntilBelow(T0 + 5 * S, 0), "nothing left to play while stalled");
        clock.append(T0 + 5 * S + S / 2, 2); // 1.5 s late
        assertEquals(1, clock.stalls());
        assertEquals(1.5, clock.stalledSeconds(), 1e-9);
        // The clock resumed where it stopped: 2 s ahead at the arrival, running out 2 s later.
        assertEquals(2 * S, clock.nanosUntilBelow(T0 + 5 * S + S / 2, 0));
        clock.append(T0 + 7 * S + S / 2 + S / 4, 2); // 0.25 s late
        assertEquals(2, clock.stalls());
        assertEquals(1.75, clock.stalledSeconds(), 1e-9);
    }

    @Test
    void aStallGoingOnWhenTheViewerStopsCountsUpToTheStop() {
        PlayoutClock clock = new PlayoutClock();
        clock.append(T0, 2);
        clock.stop(T0 + 3 * S);
        assertEquals(1, clock.stalls());
        assertEquals(1.0, clock.stalledSeconds(), 1e-9);
        clock.append(T0 + 4 * S, 2);
        clock.stop(T0 + 5 * S);
        assertEquals(1, clock.stalls(), "nothing counts after the stop");
        assertFalse(clock.stalling(T0 + 5 * S));
    }

    @Test
    void stoppingWithMediaLeftIsNoStall() {
        PlayoutClock clock = new PlayoutClock();
        clock.append(T0, 6);
        clock.stop(T0 + 5 * S);
        assertEquals(0, clock.stalls());
    }

    @Test
    void runningOutAfterTheStreamEndedIsTheEndNotAStall() {
        PlayoutClock clock = new PlayoutClock();
        clock.append(T0, 2);
        clock.endOfMedia();
        assertFalse(clock.stalling(T0 + 10 * S));
        clock.stop(T0 + 10 * S);
        assertEquals(0, clock.stalls());
    }
}
