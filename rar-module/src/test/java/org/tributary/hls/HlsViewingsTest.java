package org.tributary.hls;

import org.junit.jupiter.api.Test;
import org.tributary.api.event.AccessRecord;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One access record per viewer and path, made once the viewer has been idle past the limit. */
class HlsViewingsTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong nanos = new AtomicLong();
    private final Instant start = Instant.parse("2026-12-04T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusNanos(nanos.get());
        }
    };
    private final List<AccessRecord> records = new ArrayList<>();
    private final HlsViewings viewings = new HlsViewings(records::add, clock, nanos::get, 30, 2, "server-1");

    @Test
    void anAddressMayOpenAsManyViewingsAsTheLimitAndContinueThem() {
        HlsViewings limited = new HlsViewings(records::add, clock, nanos::get, 30, 100, "server-1");
        limited.limitPerAddress(() -> 2);
        limited.served("a.mp4", null, "192.0.2.1", "p", "alice", 10, 10);
        limited.served("b.mp4", null, "192.0.2.1", "p", "alice", 10, 10);
        assertNull(limited.refusal("a.mp4", null, "192.0.2.1", "alice"), "an open viewing goes on");
        String refused = limited.refusal("c.mp4", null, "192.0.2.1", "alice");
        assertEquals("192.0.2.1 already has 2 HLS viewings open, the most one address may (maxSessionsPerAddress);"
                + " one ends 30 s after its last request", refused);
        assertNull(limited.refusal("c.mp4", null, "192.0.2.2", "bob"), "another address has its own count");
        limited.limitPerAddress(() -> 0);
        assertNull(limited.refusal("c.mp4", null, "192.0.2.1", "alice"), "0: no limit");
    }

    @Test
    void anOpenViewingIsAnHlsSessionWithItsBytesAndAverageRate() {
        viewings.served("movies/a.mp4", null, "192.0.2.1", "hls.js", "alice", 1000, 30.5);
        nanos.set(4 * SECOND);
        viewings.served("movies/a.mp4", null, "192.0.2.1", "hls.js", "alice", 499_000, 30.5);
        List<org.tributary.api.SessionInfo> sessions = viewings.sessionInfos();
        assertEquals(1, sessions.size());
        org.tributary.api.SessionInfo s = sessions.get(0);
        assertEquals("HLS", s.transport());
        assertEquals(true, s.id().startsWith("HLS-"), s.id());
        assertEquals("movies/a.mp4", s.path());
        assertEquals("192.0.2.1", s.clientAddress());
        assertEquals("alice", s.userName());
        assertEquals(500_000, s.bytesSent());
        assertEquals(1_000_000, s.bitsPerSecond(), "500 kB in 4 s");
        assertEquals(start, s.startedAt());
        nanos.set(40 * SECOND);
        viewings.tick(nanos.get());
        assertEquals(List.of(), viewings.sessionInfos(), "ended after the idle time");
    }

    @Test
    void theRequestsOfOneViewerForOnePathAreOneRecordAfterTheIdleTime() {
        viewings.served("movies/a.mp4", null, "192.0.2.1", "hls.js", "alice", 1000, 30.5);
        nanos.set(6 * SECOND);
        viewings.served("movies/a.mp4", null, "192.0.2.1", "hls.js", "alice", 500_000, 30.5);
        nanos.set(36 * SECOND);
        viewings.tick(nanos.get());
        assertEquals(List.of(), records, "30 s idle is not past the limit");
        nanos.set(37 * SECOND);
        viewings.tick(nanos.get());
        assertEquals(1, records.size());
        AccessRecord r = records.get(0);
        assertEquals("HLS", r.protocol());
        assertEquals("/movies/a.mp4", r.uriStem());
        assertNull(r.uriQuery(), "a token is never logged");
        assertEquals(501_000, r.bytesSent());
        assertEquals(2, r.packetsSent(), "requests answered");
        assertEquals(start, r.startedAt());
        assertEquals(start.plusSeconds(6), r.endedAt());
        assertEquals(501_000 * 8 / 6, r.averageBitrate());
        assertEquals("alice", r.username());
        assertEquals("192.0.2.1", r.clientAddress());
        assertEquals(30.5, r.durationSeconds());
        assertEquals(0, viewings.size());
    }

    @Test
    void tokensAddressesUsersAndPathsSeparateViewingsUpToTheLimit() {
        viewings.served("a.mp4", "t1", "192.0.2.1", null, null, 1, 1);
        viewings.served("a.mp4", "t1", "192.0.2.9", null, null, 1, 1); // the same token elsewhere: the same viewing
        viewings.served("a.mp4", null, "192.0.2.1", null, null, 1, 1);
        viewings.served("b.mp4", null, "192.0.2.1", null, null, 1, 1); // a third viewing: past the limit of 2
        assertEquals(2, viewings.size());
        nanos.set(31 * SECOND);
        viewings.tick(nanos.get());
        assertEquals(List.of("/a.mp4", "/a.mp4"), records.stream().map(AccessRecord::uriStem).toList());
        assertEquals(List.of(2L, 1L), records.stream().map(AccessRecord::bytesSent).sorted((x, y) -> Long.compare(y, x))
                .toList());
    }
}
