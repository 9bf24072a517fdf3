package org.tributary.loadtool;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts errors by key: {@code METHOD:status} for RTSP error responses (e.g. {@code DESCRIBE:404}),
 * or a word for other failures ({@code io}, {@code timeout}, {@code no-media}, ...). Thread-safe.
 */
final class ErrorCounts {
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((k, v) -> result.put(k, v.sum()));
        return result;
    }
}
