package org.tributary.stream;

import java.util.concurrent.TimeUnit;

/**
 * How long a source that stopped waits before it starts again (a local broadcaster's process that exited, a
 * relay's lost connection): 1 s, 2 s, 4 s ... doubling per stop in a row up to a cap; a run of at least
 * {@code stableNanos} before the stop starts the series again.
 */
public record Backoff(long firstNanos, long capNanos, long stableNanos) {

    public static final Backoff STANDARD = new Backoff(TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(30),
            TimeUnit.SECONDS.toNanos(60));

    public Backoff {
        if (firstNanos <= 0 || capNanos < firstNanos) {
            throw new IllegalArgumentException("the first delay must be positive and not above the cap");
        }
    }

    /**
     * @param exitsInARow stops before this one without a stable run between them (0 for the first)
     * @param ranNanos    how long the run that just stopped lasted (0 when it never ran)
     * @return the delay before the next start and the stops in a row that counts from now
     */
    public Delay next(int exitsInARow, long ranNanos) {
        int exits = ranNanos >= stableNanos ? 0 : exitsInARow;
        long delay = firstNanos;
        for (int i = 0; i < exits && delay < capNanos; i++) {
            delay *= 2;
        }
        return new Delay(Math.min(delay, capNanos), exits + 1);
    }

    /** A delay before a restart, and the stops in a row including the one it follows. */
    public record Delay(long nanos, int exitsInARow) {
    }
}
