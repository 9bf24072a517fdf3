package org.tributary.web.console.sessions;

import org.junit.jupiter.api.Test;
import org.tributary.api.SessionInfo;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionTableTest {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    static SessionRow row(String id, String address, String user, String path, String agent, long ageSeconds,
                          long bitsPerSecond, long sent, long lost) {
        return SessionRow.of(new SessionInfo(id, address, path, "udp", "PLAYING", agent, NOW.minusSeconds(ageSeconds),
                sent * 1000, sent, lost, 0, 0, user, bitsPerSecond, 0, 0, 0, 0, 0), NOW);
    }

    static final List<SessionRow> ROWS = List.of(
            row("1", "10.0.0.5", null, "a.mp4", "VLC/3.0", 100, 100_000, 1000, 0),
            row("2", "10.0.0.7", "carol", "b/long.mp4", "ffmpeg", 3725, 10_000, 90, 10),
            row("3", "192.168.1.2", null, "c.mov", null, 10, 4_000_000, 4000, 0));

    @Test
    void theLossColumnAddsResentPacketsOfASessionThatAskedForThem() {
        SessionRow row = SessionRow.of(new SessionInfo("9", "10.0.0.9", "a.mp4", "udp", "PLAYING", "GStreamer",
                NOW, 0, 95, 5, 0, 3, null, 0, 15, 14, 1, 0, 0), NOW);
        assertEquals("5.0 %, 14 of 15 resent", row.loss());
    }

    @Test
    void lossShowsTheFramesThinnedForACongestedClient() {
        SessionRow row = SessionRow.of(new SessionInfo("9", "10.0.0.9", "a.mp4", "udp", "PLAYING", "GStreamer",
                NOW, 0, 80, 20, 0, 3, null, 0, 0, 0, 0, 120, 2), NOW);
        assertEquals("20.0 %, 120 frames thinned", row.loss());
    }

    @Test
    void rowsShowRateLossAndDuration() {
        SessionRow a = ROWS.get(0);
        assertEquals(100_000, a.bitsPerSecond());
        assertEquals("100 kbit/s", a.bitrate());
        assertEquals("1:40", a.duration());
        SessionRow b = ROWS.get(1);
        assertEquals("10.0 %", b.loss());
        assertEquals("1:02:05", b.duration());
        assertEquals("4.0 Mbit/s", ROWS.get(2).bitrate());
        assertEquals("", ROWS.get(2).player(), "no User-Agent");
        assertEquals("carol", ROWS.get(1).user());
        assertEquals("", ROWS.get(0).user(), "anonymous");
    }

    @Test
    void filtersOnAnyShownColumnIgnoringCase() {
        assertEquals(List.of("2"), ids(SessionTable.view(ROWS, "LONG", "duration", false)));
        assertEquals(List.of("1", "2"), ids(SessionTable.view(ROWS, "10.0.0.", "address", true)));
        assertEquals(List.of("1"), ids(SessionTable.view(ROWS, " vlc ", "address", true)));
        assertEquals(List.of("2"), ids(SessionTable.view(ROWS, "Carol", "address", true)), "by user");
        assertEquals(3, SessionTable.view(ROWS, "", "address", true).size());
        assertEquals(0, SessionTable.view(ROWS, "nothing", "address", true).size());
    }

    @Test
    void sortsByTheChosenColumnEitherWay() {
        assertEquals(List.of("2", "1", "3"), ids(SessionTable.view(ROWS, null, "duration", false)));
        assertEquals(List.of("3", "1", "2"), ids(SessionTable.view(ROWS, null, "duration", true)));
        assertEquals(List.of("3", "1", "2"), ids(SessionTable.view(ROWS, null, "bitrate", false)));
        assertEquals(List.of("3", "2", "1"), ids(SessionTable.view(ROWS, null, "file", false)));
        assertEquals(List.of("2", "1", "3"), ids(SessionTable.view(ROWS, null, "no-such-column", false)),
                "an unknown column sorts by duration");
    }

    static List<String> ids(List<SessionRow> rows) {
        return rows.stream().map(SessionRow::id).toList();
    }
}
