package org.tributary.loadtool;

import java.util.concurrent.TimeUnit;

/** The ramp of a run: session (or viewer) i starts at t0 + i / rate, and the run sleeps until then. */
final class Ramp {
    private Ramp() {
    }

    static long due(long t0Nanos, int index, double perSecond) {
        return t0Nanos + (long) (index * 1e9 / perSecond);
    }

    static void sleepUntil(long dueNanos) throws InterruptedException {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(wait, 200_000_000L));
        }
    }
}
