package org.tributary.ejb.stats;

import org.junit.jupiter.api.Test;
import org.tributary.api.AdapterStatistics;
import org.tributary.api.SessionInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatsHistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static StatsSample at(int seconds) {
        return new StatsSample(T0.plusSeconds(seconds), seconds, 0, 0, 0, 0, Map.of(), List.of());
    }

    @Test
    void keepsTheNewestUpToItsCapacityOldestFirst() {
        StatsHistory history = new StatsHistory(3);
        assertNull(history.latest());
        for (int i = 1; i <= 5; i++) {
            history.add(at(i));
        }
        assertEquals(3, history.size());
        assertEquals(5, history.latest().sessions());
        assertEquals(List.of(3, 4, 5), history.since(T0.plusSeconds(5), Duration.ofHours(1)).stream()
                .map(StatsSample::sessions).toList());
    }

    @Test
    void dropsSamplesOlderThanTheWindow() {
        StatsHistory history = new StatsHistory(720);
        history.add(at(0));
        history.add(at(3000));
        history.add(at(3700));
        assertEquals(List.of(3000, 3700), history.since(T0.plusSeconds(3700), Duration.ofHours(1)).stream()
                .map(StatsSample::sessions).toList());
        assertThrows(IllegalArgumentException.class, () -> new StatsHistory(0));
    }

    @Test
    void ratesComeFromTheDifferenceOfTwoSnapshots() {
        AdapterStatistics before = new AdapterStatistics(T0, 1_000_000, 1000, 2, 2, Map.of("udp", 2), 0, 0.5);
        AdapterStatistics after = new AdapterStatistics(T0.plusSeconds(5), 1_625_000, 1500, 3, 3,
                Map.of("udp", 2, "tcp", 1), 0, 1.7);
        List<SessionInfo> sessions = List.of(session("a.mp4"), session("b.mp4"), session("b.mp4"));
        StatsSample s = StatsService.toSample(before, after, sessions);
        assertEquals(1_000_000, s.bitsPerSecond(), "625000 bytes in 5 s");
        assertEquals(100, s.packetsPerSecond());
        assertEquals(1.0, s.processCpuLoad(), "clamped to 0..1");
        assertEquals(List.of(new FileCount("b.mp4", 2), new FileCount("a.mp4", 1)), s.topFiles());
        assertEquals(Map.of("udp", 2, "tcp", 1), s.sessionsByTransport());
    }

    @Test
    void aRestartedAdapterDoesNotGiveANegativeRate() {
        AdapterStatistics before = new AdapterStatistics(T0, 5_000_000, 5000, 0, 0, Map.of(), 0, 0);
        AdapterStatistics after = new AdapterStatistics(T0.plusSeconds(5), 1000, 10, 0, 0, Map.of(), 8000, -1);
        StatsSample s = StatsService.toSample(before, after, List.of());
        assertEquals(8000, s.bitsPerSecond());
        assertEquals(0.0, s.processCpuLoad());
    }

    private static SessionInfo session(String path) {
        return new SessionInfo("id", "127.0.0.1", path, "udp", "PLAYING", null, T0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0);
    }
}
