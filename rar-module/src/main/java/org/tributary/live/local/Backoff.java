package org.tributary.live.local;

import java.util.concurrent.TimeUnit;

/**
 * How long to wait before restarting a broadcaster that exited: 1 s, 2 s, 4 s ... doubling per exit in a row
 * up to a cap; a process that ran at least {@code stableNanos} before it exited starts the series again.
 */
record Backoff(long firstNanos, long capNanos, long stableNanos) {

    static final Backoff STANDARD = new Backoff(TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(30),
            TimeUnit.SECONDS.toNanos(60));

    Backoff {
        if (firstNanos <= 0 || capNanos < firstNanos) {
            throw new IllegalArgumentException("the first delay must be positive and not above the cap");
        }
    }

    /**
     * @param exitsInARow exits before this one without a stable run between them (0 for the first)
     * @param ranNanos    how long the process that just exited ran
     * @return the delay before the next start and the exits in a row that counts from now
     */
    Delay next(int exitsInARow, long ranNanos) {
        int exits = ranNanos >= stableNanos ? 0 : exitsInARow;
        long delay = firstNanos;
        for (int i = 0; i < exits && delay < capNanos; i++) {
            delay *= 2;
        }
        return new Delay(Math.min(delay, capNanos), exits + 1);
    }

    /** A delay before a restart, and the exits in a row including the one it follows. */
    record Delay(long nanos, int exitsInARow) {
    }
}
