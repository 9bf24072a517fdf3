package org.tributary.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed logins per client address: past {@code failuresBeforeDelay} each further failure is answered
 * more slowly, and at {@code failuresBeforeLockout} the address is refused for {@code lockoutSeconds}.
 * A success clears the address. Failures older than the lockout window are forgotten.
 */
public final class FailedLogins {

    private static final long MAX_DELAY_MILLIS = 2000;
    private static final int MAX_ADDRESSES = 100_000;

    private record Record(int failures, long windowStartMillis, long lockedUntilMillis) {
    }

    private final Map<String, Record> byAddress = new ConcurrentHashMap<>();
    private final AuthSettings settings;
    private final LongSupplier clockMillis;

    public FailedLogins(AuthSettings settings, LongSupplier clockMillis) {
        this.settings = settings;
        this.clockMillis = clockMillis;
    }

    public boolean lockedOut(String address) {
        Record r = byAddress.get(address);
        return r != null && r.lockedUntilMillis > clockMillis.getAsLong();
    }

    /** Counts a failure; returns how long to hold the answer back (0 while under the threshold). */
    public long failed(String address) {
        long now = clockMillis.getAsLong();
        long window = settings.lockoutSeconds() * 1000L;
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.values().removeIf(r -> now - r.windowStartMillis > window && r.lockedUntilMillis <= now);
        }
        Record updated = byAddress.compute(address, (a, r) -> {
            Record current = r == null || (now - r.windowStartMillis > window && r.lockedUntilMillis <= now)
                    ? new Record(0, now, 0) : r;
            int failures = current.failures + 1;
            long lockedUntil = failures >= settings.failuresBeforeLockout() ? now + window : current.lockedUntilMillis;
            return new Record(failures, current.windowStartMillis, lockedUntil);
        });
        int over = updated.failures - settings.failuresBeforeDelay();
        return over <= 0 ? 0 : Math.min(MAX_DELAY_MILLIS, (long) over * settings.delayMillisPerFailure());
    }

    public void succeeded(String address) {
        byAddress.remove(address);
    }

    public int failures(String address) {
        Record r = byAddress.get(address);
        return r == null ? 0 : r.failures;
    }
}
