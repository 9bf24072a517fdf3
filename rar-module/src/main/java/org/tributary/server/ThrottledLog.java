package org.tributary.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs an event at most once per key (e.g. reason and client address) per period, saying how many were
 * not logged since: thousands of hostile sockets make a handful of lines, not thousands.
 */
final class ThrottledLog {

    private final Logger log;
    private final long periodNanos;
    private final Map<String, long[]> lastAndSuppressed = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    ThrottledLog(Logger log, long periodSeconds) {
        this(log, periodSeconds, System::nanoTime);
    }

    ThrottledLog(Logger log, long periodSeconds, LongSupplier nanoClock) {
        this.log = log;
        this.periodNanos = TimeUnit.SECONDS.toNanos(periodSeconds);
        this.nanoClock = nanoClock;
    }

    void log(Level level, String key, String message) {
        log(level, key, () -> message);
    }

    void log(Level level, String key, Supplier<String> message) {
        long now = nanoClock.getAsLong();
        long[] suppressed = new long[1];
        boolean[] emit = new boolean[1];
        lastAndSuppressed.compute(key, (k, entry) -> {
            if (entry == null || now - entry[0] >= periodNanos) {
                suppressed[0] = entry == null ? 0 : entry[1];
                emit[0] = true;
                return new long[] {now, 0};
            }
            entry[1]++;
            return entry;
        });
        if (emit[0]) {
            log.log(level, suppressed[0] == 0 ? message.get()
                    : message.get() + " (and " + suppressed[0] + " more like it not logged since the last such line)");
        }
        if (lastAndSuppressed.size() > 10_000) {
            lastAndSuppressed.entrySet().removeIf(e -> now - e.getValue()[0] >= periodNanos);
        }
    }
}
