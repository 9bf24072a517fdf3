package org.tributary.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The highest nonce count seen per nonce (RFC 7616 §3.4: a server must refuse a count it has already
 * seen). Entries live as long as their nonce could be valid; the table is bounded.
 */
public final class NonceCounts {

    private static final int MAX_NONCES = 200_000;

    private record Seen(long count, long firstSeenMillis) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final long lifetimeMillis;
    private final LongSupplier clockMillis;

    public NonceCounts(int lifetimeSeconds, LongSupplier clockMillis) {
        this.lifetimeMillis = lifetimeSeconds * 1000L;
        this.clockMillis = clockMillis;
    }

    /**
     * Records {@code count} for {@code nonce}; false when it is not higher than every count seen before
     * with that nonce (a replay).
     */
    public boolean accept(String nonce, long count) {
        long now = clockMillis.getAsLong();
        if (seen.size() >= MAX_NONCES) {
            forgetOlderThan(now - lifetimeMillis);
        }
        boolean[] fresh = {false};
        seen.compute(nonce, (n, previous) -> {
            if (previous == null || count > previous.count) {
                fresh[0] = true;
                return new Seen(count, previous == null ? now : previous.firstSeenMillis);
            }
            return previous;
        });
        return fresh[0];
    }

    public int size() {
        return seen.size();
    }

    /** Drops the counts of nonces first seen before {@code millis} (they have expired). */
    public void forgetOlderThan(long millis) {
        seen.values().removeIf(s -> s.firstSeenMillis < millis);
    }
}
