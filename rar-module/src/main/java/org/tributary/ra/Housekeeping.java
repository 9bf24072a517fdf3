package org.tributary.ra;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The adapter's once-a-second chores as one long-running Work: end sessions whose clients went silent,
 * sample the traffic rates, flush ended refusal windows. A chore that fails is logged and the loop goes on.
 */
final class Housekeeping implements Runnable {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    private static final long PERIOD_MILLIS = 1000;

    /** One chore, given the {@link System#nanoTime()} of the round. */
    interface Chore {
        void run(long nowNanos);
    }

    private final List<Chore> chores;
    private volatile boolean running = true;

    Housekeeping(List<Chore> chores) {
        this.chores = List.copyOf(chores);
    }

    @Override
    public void run() {
        Thread.currentThread().setName("tributary-housekeeping");
        while (running) {
            try {
                Thread.sleep(PERIOD_MILLIS);
                runOnce(System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One round of every chore, each on its own so one failure does not skip the others. */
    void runOnce(long nowNanos) {
        for (Chore chore : chores) {
            try {
                chore.run(nowNanos);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "housekeeping failed; continuing", e);
            }
        }
    }

    void stop() {
        running = false;
    }
}
