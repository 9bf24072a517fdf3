package org.tributary.auth;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed logins, counted twice: per client address (all user names) and per user name (all addresses).
 * Past {@code failuresBeforeDelay} each further failure of either count is answered more slowly, so one
 * address spraying many names and many addresses guessing one name are both slowed. At
 * {@code failuresBeforeLockout} an address is refused for {@code lockoutSeconds}; a user name is only
 * slowed, never locked, so nobody can lock a user out by guessing on purpose.
 *
 * <p>A success clears that user's count and nothing of the address: the address count falls only when its
 * window ends. So a guesser who holds one valid account cannot wash away the failures of the names it is
 * guessing by logging in between guesses, and every guess from the address keeps counting. Failures older
 * than the lockout window are forgotten.
 */
public final class FailedLogins {

    private static final long MAX_DELAY_MILLIS = 2000;
    /** Records kept per map; past this, expired ones are dropped, and if none are, new keys go uncounted. */
    static final int MAX_RECORDS = 100_000;

    private record Record(int failures, long windowStartMillis, long lockedUntilMillis) {
    }

    private final Map<String, Record> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Record> byUser = new ConcurrentHashMap<>();
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

    /**
     * Counts a failure of {@code user} (null when no name was given) from {@code address}.
     *
     * @return how long to hold the answer back: the longer of the address's and the user's delay (0 below both
     *         thresholds)
     */
    public long failed(String address, String user) {
        long now = clockMillis.getAsLong();
        Record forAddress = count(byAddress, address, now, true);
        Record forUser = user == null ? null : count(byUser, key(user), now, false);
        int failures = Math.max(forAddress == null ? 0 : forAddress.failures, forUser == null ? 0 : forUser.failures);
        int over = failures - settings.failuresBeforeDelay();
        return over <= 0 ? 0 : Math.min(MAX_DELAY_MILLIS, (long) over * settings.delayMillisPerFailure());
    }

    /** A correct login of {@code user}: its own count is cleared, the address's count stays (see the class). */
    public void succeeded(String address, String user) {
        if (user != null) {
            byUser.remove(key(user));
        }
    }

    public int failures(String address) {
        return current(byAddress.get(address));
    }

    public int userFailures(String user) {
        return current(byUser.get(key(user)));
    }

    private int current(Record r) {
        return r == null || expired(r, clockMillis.getAsLong()) ? 0 : r.failures;
    }

    private Record count(Map<String, Record> records, String key, long now, boolean lockable) {
        if (records.size() >= MAX_RECORDS && !records.containsKey(key)) {
            records.values().removeIf(r -> expired(r, now));
            if (records.size() >= MAX_RECORDS) {
                return null; // full of live records: the other count still slows this failure
            }
        }
        return records.compute(key, (k, r) -> {
            Record current = r == null || expired(r, now) ? new Record(0, now, 0) : r;
            int failures = current.failures + 1;
            long lockedUntil = lockable && failures >= settings.failuresBeforeLockout()
                    ? now + windowMillis() : current.lockedUntilMillis;
            return new Record(failures, current.windowStartMillis, lockedUntil);
        });
    }

    private boolean expired(Record r, long now) {
        return now - r.windowStartMillis > windowMillis() && r.lockedUntilMillis <= now;
    }

    private long windowMillis() {
        return settings.lockoutSeconds() * 1000L;
    }

    /** User names are compared without case, so "Alice" and "alice" share one count. */
    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }
}
