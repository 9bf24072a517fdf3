package org.tributary.loadtool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tributary.loadtool.report.RunSummary;

/**
 * Runs the load tool's HLS viewers against {@link FakeHlsServer} on 127.0.0.1 and checks what they loaded
 * against what the server served: a tiny VOD of four 0.25 s segments under a 1 s target duration (so a viewer
 * keeps four segments ahead and loops within a second), a refused segment and a refused init segment, and a
 * live playlist whose window slides by one 1 s segment a second.
 */
class HlsLoadRunTest {
    private static final String MULTIVARIANT = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-STREAM-INF:BANDWIDTH=40000,CODECS="avc1.42c01e,mp4a.40.2"
            media.m3u8?token=t1
            """;
    private static final String MEDIA = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:1
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXT-X-MAP:URI="init.mp4?token=t1"
            #EXTINF:0.25000,
            seg0.m4s?token=t1
            #EXTINF:0.25000,
            seg1.m4s?token=t1
            #EXTINF:0.25000,
            seg2.m4s?token=t1
            #EXTINF:0.25000,
            seg3.m4s?token=t1
            #EXT-X-ENDLIST
            """;
    private static final int INIT_BYTES = 700;
    private static final int SEGMENT_BYTES = 5_000;
    private static final String DIR = "/tributary/hls/clip.mp4/";

    private static FakeHlsServer vodServer() throws Exception {
        FakeHlsServer server = new FakeHlsServer();
        server.serve(DIR + "index.m3u8", MULTIVARIANT);
        server.serve(DIR + "media.m3u8", MEDIA);
        server.serve(DIR + "init.mp4", new byte[INIT_BYTES]);
        for (int i = 0; i < 4; i++) {
            server.serve(DIR + "seg" + i + ".m4s", new byte[SEGMENT_BYTES]);
        }
        return server;
    }

    private static LoadToolOptions options(String url, int viewers, double seconds) {
        LoadToolOptions o = new LoadToolOptions();
        o.urls = List.of(url);
        o.sessions = viewers;
        o.rate = 100;
        o.durationSeconds = seconds;
        o.reportIntervalSeconds = 0.3;
        o.httpTimeoutSeconds = 5;
        o.setupTimeoutSeconds = 5;
        o.serverPid = Long.toString(ProcessHandle.current().pid());
        o.label = "hls-test";
        return o;
    }

    private static RunSummary run(LoadToolOptions options, ByteArrayOutputStream live) throws InterruptedException {
        return new LoadRun(options, new PrintStream(live, true, StandardCharsets.UTF_8)).execute();
    }

    @Test
    @Timeout(20)
    @SuppressWarnings("unchecked")
    void viewersLoadThePlaylistsInitAndLoopedSegmentsKeepingTheQuery() throws Exception {
        try (FakeHlsServer server = vodServer()) {
            ByteArrayOutputStream live = new ByteArrayOutputStream();
            RunSummary summary = run(options(server.url(DIR + "index.m3u8?token=t1"), 3, 1.2), live);

            Map<String, Object> viewers = summary.section("sessions");
            assertEquals(3, viewers.get("ok"), summary::toText);
            assertEquals(Map.of(), viewers.get("errors"));
            assertEquals(3, server.count(DIR + "index.m3u8?token=t1"), "the query is kept on the playlist request");
            assertEquals(3, server.count(DIR + "media.m3u8?token=t1"), "the variant's URI, resolved, as given");
            assertEquals(3, server.count(DIR + "init.mp4?token=t1"), "one init segment per viewer");
            assertTrue(server.count(DIR + "seg0.m4s?token=t1") > 3, "VOD loops to segment 0: " + server.requests);

            Map<String, Object> hls = summary.section("hls");
            long segments = (Long) hls.get("segments");
            assertTrue(segments >= 3 * 5, "four segments to fill the 1 s buffer, then one every 0.25 s: " + segments);
            long served = server.requests.stream().filter(r -> r.contains(".m4s")).count();
            assertTrue(served >= segments && served <= segments + 3,
                    "every counted segment was served (one per viewer may have been in flight at the end): "
                            + served + " served, " + segments + " counted");
            long perViewer = FakeHlsServer.gzippedLength(MULTIVARIANT) + FakeHlsServer.gzippedLength(MEDIA) + INIT_BYTES;
            assertEquals(3 * perViewer + segments * SEGMENT_BYTES, hls.get("bytes"),
                    "bytes as received: gzipped playlists, the init segment, every segment");
            assertEquals(6L, hls.get("playlistLoads"));

            Map<String, Object> firstSegment = (Map<String, Object>) summary.asMap().get("firstSegmentMs");
            assertEquals(3, firstSegment.get("count"));
            assertTrue((Double) firstSegment.get("p99") < 2000);
            assertTrue((Double) summary.asMap().get("streamSeconds") >= 3 * 1.2);
            Map<String, Object> serverProcess = summary.section("server");
            assertEquals((Double) serverProcess.get("cpuSeconds") * 1000 / (Double) summary.asMap().get("streamSeconds"),
                    (Double) serverProcess.get("cpuMsPerStreamSecond"), 1e-9, "CPU per viewer-second as per stream-second");
            assertEquals("hls", summary.section("run").get("transport"));
            assertTrue(!summary.asMap().containsKey("packets") && !summary.asMap().containsKey("jitterMs"),
                    "no RTP figures for HLS");
            String text = summary.toText();
            assertTrue(text.contains("cpu-ms per viewer-second") && text.contains("not measured: HLS carries no RTP"),
                    text);
            assertTrue(live.toString(StandardCharsets.UTF_8).contains("viewers 3/3"), live::toString);
        }
    }

    @Test
    @Timeout(20)
    void aRefusedSegmentIsCountedByStatusAndSkipped() throws Exception {
        try (FakeHlsServer server = vodServer()) {
            server.refuse(DIR + "seg1.m4s", 404);
            // The media playlist's own URL: no multivariant step. The viewer waits 1 s after a failed segment,
            // longer than the hold, so seg1 is asked for exactly once.
            RunSummary summary = run(options(server.url(DIR + "media.m3u8?token=t1"), 1, 0.6),
                    new ByteArrayOutputStream());
            Map<String, Object> viewers = summary.section("sessions");
            assertEquals(Map.of("segment:404", 1L), viewers.get("errors"), summary::toText);
            assertEquals(1, viewers.get("played"));
            assertEquals(0, viewers.get("ok"));
            assertEquals(1, viewers.get("failed"));
            assertEquals(1L, summary.section("hls").get("segments"));
            assertEquals(0, server.count(DIR + "index.m3u8?token=t1"));
            assertEquals(1, server.count(DIR + "seg1.m4s?token=t1"));
            assertTrue(summary.toText().contains("http errors:         {segment:404=1}"), summary::toText);
        }
    }

    @Test
    @Timeout(20)
    void aRefusedInitSegmentEndsTheViewer() throws Exception {
        try (FakeHlsServer server = vodServer()) {
            server.refuse(DIR + "init.mp4", 403);
            RunSummary summary = run(options(server.url(DIR + "index.m3u8?token=t1"), 2, 0.2),
                    new ByteArrayOutputStream());
            Map<String, Object> viewers = summary.section("sessions");
            assertEquals(Map.of("init:403", 2L), viewers.get("errors"), summary::toText);
            assertEquals(0, viewers.get("played"));
            assertEquals(0L, summary.section("hls").get("segments"));
            assertEquals(0, server.requests.stream().filter(r -> r.contains(".m4s")).count());
        }
    }

    @Test
    @Timeout(20)
    @SuppressWarnings("unchecked")
    void aLiveViewerJoinsNearTheEdgeAndFollowsTheReloadedPlaylist() throws Exception {
        try (FakeHlsServer server = new FakeHlsServer()) {
            long start = System.nanoTime();
            // A window of five 1 s segments that slides by one each second; older segments are gone (404).
            server.serve("/live/media.m3u8", () -> {
                long first = 500 + (System.nanoTime() - start) / 1_000_000_000L;
                StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:"
                        + first + "\n");
                for (long n = first; n < first + 5; n++) {
                    text.append("#EXTINF:1.0,\ns").append(n).append(".m4s\n");
                    server.serve("/live/s" + n + ".m4s", new byte[1000]);
                }
                return text.toString();
            });
            RunSummary summary = run(options(server.url("/live/media.m3u8"), 1, 2.5), new ByteArrayOutputStream());
            Map<String, Object> viewers = summary.section("sessions");
            assertEquals(Map.of(), viewers.get("errors"), summary::toText);
            assertEquals(1, viewers.get("ok"));
            List<String> segments = server.requests.stream().filter(r -> r.endsWith(".m4s")).toList();
            assertEquals("/live/s502.m4s", segments.get(0), "three target durations from the edge: " + segments);
            for (int i = 1; i < segments.size(); i++) {
                assertEquals("/live/s" + (502 + i) + ".m4s", segments.get(i), "in order, none skipped: " + segments);
            }
            Map<String, Object> hls = summary.section("hls");
            assertTrue((Long) hls.get("playlistLoads") >= 3, "reloaded every target duration: " + hls);
            assertTrue(segments.size() >= 4, "new segments loaded as the playlist grew: " + segments);
        }
    }
}
