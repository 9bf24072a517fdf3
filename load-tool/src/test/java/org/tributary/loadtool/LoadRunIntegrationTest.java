package org.tributary.loadtool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tributary.loadtool.report.RunSummary;
import org.tributary.loadtool.rtp.ReceptionReport;

/**
 * Runs the real load tool against {@link FakeRtspServer} on 127.0.0.1 and checks the counts against
 * what the server deliberately sent: 1000 video packets from sequence 65000 (so the numbering
 * wraps), 7 never sent, one adjacent pair swapped, odd packets 1 ms late (so the RFC 3550 jitter
 * converges to about 1 ms), plus 50 audio packets without loss.
 */
class LoadRunIntegrationTest {
    private static final Set<Integer> DROPS = Set.of(10, 200, 536, 537, 700, 850, 998);
    private static final FakeRtspServer.VideoPlan PLAN = new FakeRtspServer.VideoPlan(
            65000, 1000, DROPS, 300, 180, 2_000_000L, 1_000_000L);

    private static LoadToolOptions options(String url, TransportMode transport, int sessions, double seconds) {
        LoadToolOptions o = new LoadToolOptions();
        o.urls = List.of(url);
        o.transport = transport;
        o.sessions = sessions;
        o.rate = 200;
        o.durationSeconds = seconds;
        o.rrIntervalSeconds = 0.4;
        o.keepAliveSeconds = 0.5;
        o.reportIntervalSeconds = 0.5;
        o.udpPortBase = 0;
        o.bindAddress = "127.0.0.1";
        o.rtspTimeoutSeconds = 5;
        o.teardownGraceSeconds = 2;
        o.serverPid = Long.toString(ProcessHandle.current().pid());
        o.label = "integration-" + transport;
        return o;
    }

    private static RunSummary run(LoadToolOptions options) throws InterruptedException {
        ByteArrayOutputStream live = new ByteArrayOutputStream();
        RunSummary summary = new LoadRun(options, new PrintStream(live, true, StandardCharsets.UTF_8)).execute();
        assertTrue(live.toString(StandardCharsets.UTF_8).contains("sessions 1/1") || options.sessions != 1,
                "live report lines are printed");
        return summary;
    }

    @Test
    @Timeout(30)
    void countsLossReorderAndJitterOverUdp() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(PLAN, 50, null, null)) {
            RunSummary summary = run(options(server.url(), TransportMode.UDP, 1, 3.0));
            assertSingleSessionFigures(summary, server);
        }
    }

    @Test
    @Timeout(30)
    void countsLossReorderAndJitterOverTcpInterleaved() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(PLAN, 50, null, null)) {
            RunSummary summary = run(options(server.url(), TransportMode.TCP, 1, 3.0));
            assertSingleSessionFigures(summary, server);
        }
    }

    @Test
    @Timeout(30)
    void countsTheSameOverAnHttpTunnelAsOverTcp() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(PLAN, 50, null, null)) {
            RunSummary summary = run(options(server.url(), TransportMode.HTTP, 1, 3.0));
            assertEquals(List.of(), new ArrayList<>(server.tunnelProblems), "tunnel heads as QuickTime sends them");
            assertEquals(1, server.tunnelGets.get(), "one GET half");
            assertEquals(1, server.tunnelPosts.get(), "one POST half, paired by the cookie");
            assertFalse(server.requests.contains("GET") || server.requests.contains("POST"),
                    "the HTTP heads are not taken for RTSP requests");
            // Same figures as countsLossReorderAndJitterOverTcpInterleaved: 7 of 1000 video lost, and
            // receiver reports (base64 $ frames on the POST) reaching the server.
            assertSingleSessionFigures(summary, server);
        }
    }

    @Test
    @Timeout(30)
    @SuppressWarnings("unchecked")
    void theFirstPacketIsStampedWhenItArrivesNotWhenThePlayAnswerDoes() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(PLAN, 50, null, null)) {
            server.playAnswerDelayMillis = 1000; // media flows at once, the answer comes a second later
            RunSummary summary = run(options(server.url(), TransportMode.UDP, 1, 2.0));
            Map<String, Object> firstPacket = (Map<String, Object>) summary.asMap().get("firstPacketMs");
            assertEquals(1, firstPacket.get("count"), () -> summary.toText());
            double p50 = (Double) firstPacket.get("p50");
            assertTrue(p50 < 500, "the first packet left ~5 ms after PLAY; measured " + p50 + " ms");
            assertEquals(1, summary.section("sessions").get("ok"), () -> summary.toText());
        }
    }

    @Test
    @Timeout(30)
    @SuppressWarnings("unchecked")
    void theTeardownTimeIsReported() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(PLAN, 50, null, null)) {
            server.teardownAnswerDelayMillis = 300;
            RunSummary summary = run(options(server.url(), TransportMode.TCP, 1, 1.0));
            Map<String, Object> teardown = (Map<String, Object>) summary.asMap().get("teardownMs");
            assertEquals(1, teardown.get("count"), () -> summary.toText());
            double p50 = (Double) teardown.get("p50");
            assertTrue(p50 >= 300 && p50 < 1900, "TEARDOWN answered after 300 ms; measured " + p50 + " ms");
            assertTrue(summary.toText().contains("TEARDOWN ms"), summary.toText());
        }
    }

    @Test
    @Timeout(30)
    void reportsARefusedTunnel() throws Exception {
        FakeRtspServer.VideoPlan clean = new FakeRtspServer.VideoPlan(0, 10, Set.of(), -10, 3000,
                2_000_000L, 0);
        try (FakeRtspServer server = new FakeRtspServer(clean, 0, null, null)) {
            server.refuseTunnels = true;
            RunSummary summary = run(options(server.url(), TransportMode.HTTP, 1, 0.5));
            Map<String, Object> sessions = summary.section("sessions");
            assertEquals(0, sessions.get("ok"), () -> summary.toText());
            assertEquals(Map.of("TUNNEL:403", 1L), sessions.get("errors"), () -> summary.toText());
            assertEquals(0, server.tunnelPosts.get(), "no POST after a refused GET");
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertSingleSessionFigures(RunSummary summary, FakeRtspServer server) {
        Map<String, Object> sessions = summary.section("sessions");
        assertEquals(1, sessions.get("ok"), () -> summary.toText());
        assertEquals(0, sessions.get("failed"));
        assertEquals(Map.of(), sessions.get("errors"));

        Map<String, Object> packets = summary.section("packets");
        assertEquals(993L + 50L, packets.get("received"), () -> summary.toText());
        assertEquals(7L, packets.get("lost"));
        assertEquals(1050L, packets.get("expected"));
        assertEquals(1L, packets.get("reordered"));
        assertEquals(0L, packets.get("duplicates"));
        assertTrue((Long) packets.get("senderReportsReceived") >= 1);

        Map<String, Object> byMedia = (Map<String, Object>) summary.section("jitterMs").get("byMedia");
        Map<String, Object> video = (Map<String, Object>) byMedia.get("video");
        Map<String, Object> audio = (Map<String, Object>) byMedia.get("audio");
        assertEquals(993L, video.get("received"));
        assertEquals(7L, video.get("lost"));
        assertEquals(50L, audio.get("received"));
        assertEquals(0L, audio.get("lost"));
        double videoJitter = (Double) video.get("p50");
        // The sender delays every other packet by 1 ms; scheduling noise on a loaded machine only adds to it
        // (the estimator itself is checked exactly in JitterEstimatorTest).
        assertTrue(videoJitter > 0.5 && videoJitter < 8, "video jitter about 1 ms, was " + videoJitter);

        assertEquals(1, ((Map<String, Object>) summary.asMap().get("firstPacketMs")).get("count"));
        assertTrue((Double) summary.asMap().get("streamSeconds") > 2.0);
        Map<String, Object> serverProcess = summary.section("server");
        assertTrue((Double) serverProcess.get("cpuSeconds") >= 0);
        assertTrue((Long) serverProcess.get("peakRssKb") > 0);

        // The server heard about the loss through RTCP receiver reports.
        List<ReceptionReport> reports = new ArrayList<>(server.videoReports);
        assertFalse(reports.isEmpty(), "receiver reports reach the server");
        ReceptionReport last = reports.get(reports.size() - 1);
        assertEquals(7, last.cumulativeLost());
        assertEquals(65000L + 999L, last.extendedHighest());
        assertEquals(0xABCD1234L, last.lastSr(), "LSR = middle 32 bits of the SR's NTP time");
        assertTrue(last.jitter() > 0);

        assertTrue(server.keepAlivesWithSession.get() >= 1, "GET_PARAMETER keep-alives carry the Session");
        assertEquals(1, server.count("TEARDOWN"));
        assertEquals(2, server.count("SETUP"));
        assertEquals(1, server.count("DESCRIBE"));
    }

    @Test
    @Timeout(30)
    void answersDigestChallengesForManyConcurrentSessions() throws Exception {
        FakeRtspServer.VideoPlan clean = new FakeRtspServer.VideoPlan(0, 200, Set.of(), -10, 3000,
                2_000_000L, 0);
        try (FakeRtspServer server = new FakeRtspServer(clean, 10, "viewer", "s3cret")) {
            LoadToolOptions o = options(server.urlWithCredentials(), TransportMode.UDP, 20, 1.5);
            RunSummary summary = run(o);
            Map<String, Object> sessions = summary.section("sessions");
            assertEquals(20, sessions.get("ok"), () -> summary.toText());
            assertEquals(20 * 210L, summary.section("packets").get("received"));
            assertEquals(0L, summary.section("packets").get("lost"));
            assertEquals(20, server.unauthorized.get(), "one 401 per connection, then every request authorized");
            assertEquals(20, server.count("TEARDOWN"), "every session torn down");
        }
    }
}
