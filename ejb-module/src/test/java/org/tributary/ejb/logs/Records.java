package org.tributary.ejb.logs;

import org.tributary.api.event.AccessRecord;

import java.time.Instant;
import java.util.UUID;

/** Access records for the tests. */
final class Records {

    private Records() {
    }

    static AccessRecord session(String path, String userAgent, long bytes, long packets, long lost) {
        Instant start = Instant.parse("2025-03-04T10:00:00Z");
        return new AccessRecord(UUID.randomUUID().toString(), AccessRecord.Kind.SESSION, "ABCDEF0123456789",
                "192.0.2.7", "media.example.org", start, start.plusSeconds(12), 0.4, path, "a=1&b=two", 200,
                "teardown", userAgent, 10.0, 300_000, 240_000, "UDP", "MPEG4-GENERIC", "H264", bytes, 840, packets,
                lost, "198.51.100.1", "tributary-host", 3, 12, null, null);
    }

    static AccessRecord refusal(String path, int status) {
        Instant at = Instant.parse("2025-03-04T10:05:00Z");
        return new AccessRecord(UUID.randomUUID().toString(), AccessRecord.Kind.REFUSAL, null, "192.0.2.8", "127.0.0.1",
                at, at, -1, path, null, status, "no such file", "Lavf60.16.100", -1, -1, -1, null, null, null, 0, 0, 0,
                -1, "198.51.100.1", null, 0, -1, null, null);
    }
}
