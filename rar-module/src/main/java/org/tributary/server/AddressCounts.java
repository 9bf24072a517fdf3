package org.tributary.server;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Open connections per client address, over every RTSP port, for the per-address limit. */
final class AddressCounts {

    private final Map<InetAddress, Integer> counts = new ConcurrentHashMap<>();

    /** Counts one more connection from {@code address} unless it already has {@code max}. */
    boolean tryAcquire(InetAddress address, int max) {
        boolean[] acquired = new boolean[1];
        counts.compute(address, (a, n) -> {
            int current = n == null ? 0 : n;
            acquired[0] = current < max;
            return acquired[0] ? current + 1 : n;
        });
        return acquired[0];
    }

    void release(InetAddress address) {
        counts.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    int count(InetAddress address) {
        return counts.getOrDefault(address, 0);
    }
}
