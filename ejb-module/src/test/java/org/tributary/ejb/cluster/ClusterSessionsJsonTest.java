package org.tributary.ejb.cluster;

import org.junit.jupiter.api.Test;
import org.tributary.api.SessionInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node's sessions through its cluster_node row: every field back as written, the newest 500, within the column. */
class ClusterSessionsJsonTest {

    private static final Instant T = Instant.parse("2026-12-05T20:00:00.123456Z");

    private static SessionInfo session(String id, Instant started) {
        return new SessionInfo(id, "192.0.2.7", "live/cam1.sdp", "udp", "PLAYING", "VLC/3.0.20 LibVLC/3.0.20",
                started, 123_456_789, 98_765, 12, 3.25, 44, "alice", 2_500_000, 15, 14, 1, 120, 3);
    }

    @Test
    void everyFieldComesBack() {
        SessionInfo full = session("1234567890", T);
        SessionInfo anonymous = new SessionInfo("HTTP-3", "2001:db8::1", "radio/news.mp3", "HTTP", "PLAYING", null,
                T.minusSeconds(60), 0, 0, 0, 0, 0, null, 128_000, 0, 0, 0, 0, 0);
        assertEquals(List.of(full, anonymous), SessionsJson.read(SessionsJson.write(List.of(anonymous, full))),
                "newest first");
    }

    @Test
    void nothingIsAnEmptyList() {
        assertEquals("[]", SessionsJson.write(List.of()));
        assertEquals(List.of(), SessionsJson.read("[]"));
        assertEquals(List.of(), SessionsJson.read(null));
        assertEquals(List.of(), SessionsJson.read(""));
    }

    @Test
    void onlyTheNewest500AreKept() {
        List<SessionInfo> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(session("s" + i, T.plusSeconds(i)));
        }
        List<SessionInfo> kept = SessionsJson.read(SessionsJson.write(many));
        assertEquals(500, kept.size());
        assertEquals("s599", kept.get(0).id());
        assertEquals("s100", kept.get(499).id());
    }

    @Test
    void theJsonFitsItsColumn() {
        String agent = "x".repeat(5000);
        List<SessionInfo> big = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            big.add(new SessionInfo("s" + i, "192.0.2.7", "a.mp4", "tcp", "PLAYING", agent, T.plusSeconds(i), 0, 0, 0,
                    0, 0, null, 0, 0, 0, 0, 0, 0));
        }
        String json = SessionsJson.write(big);
        assertTrue(json.length() <= ClusterNodeRecord.SESSIONS_LENGTH, "length " + json.length());
        List<SessionInfo> kept = SessionsJson.read(json);
        assertTrue(kept.size() < 500 && kept.size() > 150, "kept " + kept.size());
        assertEquals("s499", kept.get(0).id());
    }
}
