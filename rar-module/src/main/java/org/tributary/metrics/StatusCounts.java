package org.tributary.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many answers went out with each error status (RTSP and HTTP share the codes they count). */
public final class StatusCounts {

    private final Map<Integer, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts an answer; statuses below 400 are not refusals and are ignored. */
    public void answered(int status) {
        if (status >= 400 && status <= 599) {
            counts.computeIfAbsent(status, s -> new LongAdder()).increment();
        }
    }

    /** Refusals since start by status code, in code order. */
    public Map<Integer, Long> snapshot() {
        Map<Integer, Long> copy = new TreeMap<>();
        counts.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }
}
