package org.tributary.web.console.live;

import org.junit.jupiter.api.Test;
import org.tributary.api.LocalBroadcasterInfo;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A line of the Local broadcasters page: the command quoted as the file would quote it, the last exit, Start or Stop. */
class LocalBroadcasterRowTest {

    static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");

    @Test
    void aRunningOnDemandBroadcasterShowsItsProcessAndOffersStop() {
        LocalBroadcasterRow row = LocalBroadcasterRow.of(new LocalBroadcasterInfo("pattern", "live/pattern.sdp",
                "on-demand", List.of("ffmpeg", "-vf", "drawtext=text='on air'", "{url}"), "running", 4242, 2, 1,
                NOW.minusSeconds(12), 3, 10, 15), NOW);
        assertEquals(new LocalBroadcasterRow("pattern", "/live/pattern.sdp", "on-demand, 10 s linger",
                "ffmpeg -vf \"drawtext=text='on air'\" {url}", "running", "4242", 2, "code 1, 12 s ago", 3, true), row);
    }

    @Test
    void aStoppedBroadcasterOffersStartAndAnOldExitShowsItsTime() {
        LocalBroadcasterRow row = LocalBroadcasterRow.of(new LocalBroadcasterInfo("cam", "live/cam.sdp", "always",
                List.of("gst-launch-1.0", ""), "stopped", -1, 0, 143, Instant.parse("2026-12-04T16:30:05Z"), 0, 10, 15),
                NOW);
        assertFalse(row.running());
        assertEquals("—", row.pid());
        assertEquals("always", row.mode());
        assertEquals("gst-launch-1.0 \"\"", row.command());
        assertEquals("code 143, 2026-12-04 16:30:05 UTC", row.lastExit());
        assertEquals("—", LocalBroadcasterRow.of(new LocalBroadcasterInfo("cam", "live/cam.sdp", "always",
                List.of("x"), "backing off", -1, 0, null, null, 0, 10, 15), NOW).lastExit());
        assertTrue(LocalBroadcasterRow.of(new LocalBroadcasterInfo("cam", "live/cam.sdp", "always",
                List.of("x"), "backing off", -1, 0, null, null, 0, 10, 15), NOW).running());
    }
}
