package org.tributary.relay;

import java.util.concurrent.TimeUnit;

/**
 * How long a relay waits before connecting again after a loss: 1 s, 2 s, 4 s ... doubling per loss in a row up
 * to a cap; a connection that lasted at least {@code stableNanos} starts the series again (the same rule as the
 * local broadcasters' restarts).
 */
record ReconnectBackoff(long firstNanos, long capNanos, long stableNanos) {

    static final ReconnectBackoff STANDARD = new ReconnectBackoff(TimeUnit.SECONDS.toNanos(1),
            TimeUnit.SECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(60));

    ReconnectBackoff {
        if (firstNanos <= 0 || capNanos < firstNanos) {
            throw new IllegalArgumentException("the first delay must be positive and not above the cap");
        }
    }

    /**
     * @param lossesInARow losses before this one without a stable connection between them (0 for the first)
     * @param lastedNanos  how long the connection just lost had been playing (0 when it never played)
     * @return the delay before the next attempt and the losses in a row counting this one
     */
    Delay next(int lossesInARow, long lastedNanos) {
        int losses = lastedNanos >= stableNanos ? 0 : lossesInARow;
        long delay = firstNanos;
        for (int i = 0; i < losses && delay < capNanos; i++) {
            delay *= 2;
        }
        return new Delay(Math.min(delay, capNanos), losses + 1);
    }

    record Delay(long nanos, int lossesInARow) {
    }
}
