package org.tributary.ejb.adapter;

import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;

import java.util.List;
import java.util.logging.Logger;

/**
 * A hand-over of stored definitions to the adapter at deployment (running channels, enabled relays), repeated
 * while the adapter cannot be reached yet: every {@link #RETRY_SECONDS} s on the caller's timer service,
 * {@link #ATTEMPTS} times in all. The adapter forgets what it ran at a restart; the database is the source of truth.
 */
public final class StartupRetry {

    public static final int RETRY_SECONDS = 10;
    public static final int ATTEMPTS = 30;

    /** One hand-over; returns the names handed over. */
    @FunctionalInterface
    public interface HandOver {
        List<String> run() throws AdapterOfflineException;
    }

    private final Logger log;
    private final String handed;
    private final String notYet;
    private int attempts;

    /**
     * @param handed what the log says before the names handed over ("channels started at startup")
     * @param notYet what it says while the adapter is not reachable ("channels stored as running not started")
     */
    public StartupRetry(Logger log, String handed, String notYet) {
        this.log = log;
        this.handed = handed;
        this.notYet = notYet;
    }

    /** One attempt; when the adapter is offline, the next is a single-action timer of {@code timers}. */
    public void attempt(HandOver handOver, TimerService timers) {
        attempts++;
        try {
            List<String> names = handOver.run();
            if (!names.isEmpty()) {
                log.info(handed + ": " + String.join(", ", names));
            }
        } catch (AdapterOfflineException e) {
            if (attempts < ATTEMPTS) {
                log.warning(notYet + " yet (attempt " + attempts + " of " + ATTEMPTS + ", again in " + RETRY_SECONDS
                        + " s): " + e.getMessage());
                timers.createSingleActionTimer(RETRY_SECONDS * 1000L, new TimerConfig(null, false));
            } else {
                log.warning(notYet + ": the adapter was not reachable after " + ATTEMPTS + " attempts: "
                        + e.getMessage());
            }
        }
    }
}
