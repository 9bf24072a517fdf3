package org.tributary.health;

import java.util.Map;

/**
 * One check's answer: up or down, with what it found (port numbers, counts, the reason it is down).
 *
 * @param up   whether the check passes
 * @param data name → value pairs shown in the health document, in order
 */
public record HealthVerdict(boolean up, Map<String, Object> data) {

    public HealthVerdict {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
