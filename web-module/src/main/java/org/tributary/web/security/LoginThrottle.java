package org.tributary.web.security;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed console logins per client address and per account name, as the RTSP side does for
 * streaming logins. A name with {@code failuresPerName} failures, or an address with
 * {@code failuresPerAddress}, within {@code lockoutMillis} is locked out for {@code lockoutMillis}: every
 * login for it is refused without checking the password (so the right password does not help, and no
 * PBKDF2 work is spent). Refusing is cheaper than slowing down: no request thread waits.
 * <p>
 * A successful login clears its name's count only; an address's count ends with its window, so one valid
 * account cannot be used to reset the count of an address that guesses other names.
 */
public final class LoginThrottle {

    /** Tracked names or addresses at most; past it, expired ones are dropped, and new ones wait for room. */
    static final int MAX_TRACKED = 10_000;
    /** Longest name kept as a key (account names are at most 64 characters). */
    private static final int MAX_NAME = 64;

    private final int failuresPerName;
    private final int failuresPerAddress;
    private final long lockoutMillis;
    private final LongSupplier clock;
    private final Map<String, Failures> byName = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(int failuresPerName, int failuresPerAddress, long lockoutMillis, LongSupplier clock) {
        this.failuresPerName = failuresPerName;
        this.failuresPerAddress = failuresPerAddress;
        this.lockoutMillis = lockoutMillis;
        this.clock = clock;
    }

    /** Milliseconds until a login for this address and name may be tried again; empty when it may now. */
    public OptionalLong lockedFor(String address, String name) {
        long now = clock.getAsLong();
        long until = Math.max(lockedUntil(byAddress, address), lockedUntil(byName, key(name)));
        return until > now ? OptionalLong.of(until - now) : OptionalLong.empty();
    }

    /** A wrong password (or unknown name): counts for both the address and the name. */
    public void failed(String address, String name) {
        long now = clock.getAsLong();
        count(byAddress, address, failuresPerAddress, now);
        count(byName, key(name), failuresPerName, now);
    }

    /** A good password: the name's count starts again (the address's does not). */
    public void succeeded(String name) {
        byName.remove(key(name));
    }

    private long lockedUntil(Map<String, Failures> map, String key) {
        Failures failures = map.get(key);
        if (failures == null) {
            return 0;
        }
        synchronized (failures) {
            return failures.lockedUntil;
        }
    }

    private void count(Map<String, Failures> map, String key, int limit, long now) {
        if (map.size() >= MAX_TRACKED && !map.containsKey(key)) {
            map.values().removeIf(f -> f.expired(now, lockoutMillis));
            if (map.size() >= MAX_TRACKED) {
                return;
            }
        }
        Failures failures = map.computeIfAbsent(key, k -> new Failures());
        synchronized (failures) {
            failures.add(now, limit, lockoutMillis);
        }
    }

    private static String key(String name) {
        String n = name == null ? "" : name;
        return n.length() > MAX_NAME ? n.substring(0, MAX_NAME) : n;
    }

    /** The times of the recent failures of one name or address, and the end of its lockout. */
    private static final class Failures {

        private final ArrayDeque<Long> times = new ArrayDeque<>();
        private long lockedUntil;

        void add(long now, int limit, long window) {
            while (!times.isEmpty() && times.peekFirst() <= now - window) {
                times.removeFirst();
            }
            times.addLast(now);
            if (times.size() >= limit) {
                lockedUntil = now + window;
                times.clear();
            }
        }

        synchronized boolean expired(long now, long window) {
            return lockedUntil <= now && (times.isEmpty() || times.peekLast() <= now - window);
        }
    }
}
