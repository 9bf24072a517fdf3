package org.tributary.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Says whether something about a key (a client address) should be logged now: at most once per period,
 * so a client repeating a refused request cannot flood the log. Keys older than a period are forgotten.
 */
public final class OncePerPeriod<K> {

    private final long periodNanos;
    private final LongSupplier clock;
    private final Map<K, Long> lastLogged = new ConcurrentHashMap<>();

    public OncePerPeriod(long periodSeconds) {
        this(periodSeconds, System::nanoTime);
    }

    OncePerPeriod(long periodSeconds, LongSupplier clock) {
        this.periodNanos = periodSeconds * 1_000_000_000L;
        this.clock = clock;
    }

    /** True the first time for a key, then again only once a period has passed since the last true. */
    public boolean shouldLog(K key) {
        long now = clock.getAsLong();
        boolean[] due = new boolean[1];
        lastLogged.compute(key, (k, last) -> {
            if (last == null || now - last >= periodNanos) {
                due[0] = true;
                return now;
            }
            return last;
        });
        if (due[0]) {
            lastLogged.values().removeIf(last -> now - last >= periodNanos);
        }
        return due[0];
    }
}
