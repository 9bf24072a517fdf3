package org.tributary.stream;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Restart delays double per exit in a row up to the cap, and a stable run starts the series again. */
class BackoffTest {

    private static final long S = TimeUnit.SECONDS.toNanos(1);

    @Test
    void delaysDoubleFromOneSecondUpToThirtySeconds() {
        List<Long> seconds = new ArrayList<>();
        int exits = 0;
        for (int i = 0; i < 8; i++) {
            Backoff.Delay d = Backoff.STANDARD.next(exits, S);
            seconds.add(d.nanos() / S);
            exits = d.exitsInARow();
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
        assertEquals(8, exits);
    }

    @Test
    void aRunOfAMinuteOrMoreStartsTheSeriesAgain() {
        Backoff.Delay d = Backoff.STANDARD.next(5, 60 * S);
        assertEquals(S, d.nanos());
        assertEquals(1, d.exitsInARow());
        assertEquals(32 * S, new Backoff(S, 40 * S, 60 * S).next(5, 59 * S).nanos());
    }

    @Test
    void manyExitsDoNotOverflow() {
        assertEquals(30 * S, Backoff.STANDARD.next(Integer.MAX_VALUE - 1, 0).nanos());
    }
}
