package org.tributary.it.rtsp;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.RtspTestClient.Response;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RTSP playback on the wire: SDP, statuses, PAUSE/resume continuity, keep-alive and timeout. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlaybackProtocolIT {

    static final String URL = Endpoints.RTSP + "sample.mp4";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void describeAnswersTheFilesSdp() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            Response r = client.request("DESCRIBE", URL, 2, "Accept: application/sdp");
            assertEquals(200, r.status());
            assertEquals("application/sdp", r.header("Content-Type"));
            assertEquals(URL + "/", r.header("Content-Base"));
            String sdp = r.bodyText();
            assertTrue(sdp.startsWith("v=0\r\n"), sdp);
            assertTrue(sdp.contains("a=range:npt=0-10.000\r\n"), sdp);
            // Skip protection (RTP/AVPF) is offered only to the players of tributary.rtx.players (GStreamer).
            assertTrue(sdp.contains("m=video 0 RTP/AVP 96\r\n"), sdp);
            assertFalse(sdp.contains("rtx"), sdp);
            assertTrue(sdp.contains("a=rtpmap:96 H264/90000\r\n"), sdp);
            assertTrue(sdp.matches("(?s).*a=fmtp:96 packetization-mode=1;profile-level-id=[0-9a-f]{6};sprop-parameter-sets=\\S+,\\S+\r\n.*"), sdp);
            assertTrue(sdp.contains("a=control:trackID=1\r\n"), sdp);
            assertTrue(sdp.contains("m=audio 0 RTP/AVP 97\r\n"), sdp);
            assertTrue(sdp.contains("a=rtpmap:97 MPEG4-GENERIC/48000/2\r\n"), sdp);
            assertTrue(sdp.contains("mode=AAC-hbr"), sdp);
            assertTrue(sdp.contains("a=control:trackID=2\r\n"), sdp);
        }
    }

    @Test
    void aGStreamerPlayerIsOfferedSkipProtectionAndAVlcOneIsNot() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            String gst = client.request("DESCRIBE", URL, 2, "User-Agent: GStreamer/1.22.0").bodyText();
            assertTrue(gst.contains("m=video 0 RTP/AVPF 96 97\r\n"), gst);
            assertTrue(gst.contains("a=rtcp-fb:96 nack\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96;rtx-time=1000\r\n"), gst);
            assertTrue(gst.contains("m=audio 0 RTP/AVPF 97 98\r\n"), gst);
            assertTrue(gst.contains("a=rtpmap:98 rtx/48000/2\r\n"), gst);
            String vlc = client.request("DESCRIBE", URL, 3, "User-Agent: LibVLC/3.0.18 (LIVE555 Streaming Media v2022.07.14)")
                    .bodyText();
            assertTrue(vlc.contains("m=video 0 RTP/AVP 96\r\n") && !vlc.contains("AVPF"), vlc);
        }
    }

    @Test
    void badRequestsGetSpecificStatuses() throws Exception {
        Files.writeString(Path.of(System.getProperty("it.media.dir")).resolve("notes.txt"), "not a movie");
        try (RtspTestClient client = new RtspTestClient()) {
            assertEquals(404, client.request("DESCRIBE", Endpoints.RTSP + "no-such-file.mp4", 1).status());
            assertEquals(415, client.request("DESCRIBE", Endpoints.RTSP + "notes.txt", 2).status());
            assertEquals(403, client.request("DESCRIBE", Endpoints.RTSP + "a/../../etc/passwd.mp4", 3).status());
            assertEquals(403, client.request("DESCRIBE", Endpoints.RTSP + "%2e%2e/%2e%2e/x.mp4", 4).status());
            Path media = Path.of(System.getProperty("it.media.dir"));
            Path outside = media.getParent().resolve("outside-the-media-root.mp4");
            Files.copy(media.resolve("tiny.mp4"), outside, StandardCopyOption.REPLACE_EXISTING);
            Path link = media.resolve("escape-link.mp4");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, outside);
            assertEquals(403, client.request("DESCRIBE", Endpoints.RTSP + "escape-link.mp4", 40).status(),
                    "a symbolic link out of the media root");
            assertEquals(400, client.request("SETUP", URL + "/trackID=1", 5).status(), "SETUP without Transport");
            assertEquals(461, client.request("SETUP", URL + "/trackID=1", 6,
                    "Transport: RTP/AVP;multicast;destination=239.1.1.1").status());
            assertEquals(404, client.request("SETUP", URL + "/trackID=9", 7,
                    "Transport: RTP/AVP;unicast;client_port=5000-5001").status());
            assertEquals(454, client.request("PLAY", URL, 8).status(), "PLAY without a session");
            assertEquals(454, client.request("PLAY", URL, 9, "Session: DOESNOTEXIST").status());
            assertEquals(454, client.request("TEARDOWN", URL, 10, "Session: DOESNOTEXIST").status());
            assertEquals(200, client.request("OPTIONS", "*", 11).status(), "the connection is still usable");
        }
    }

    @Test
    void playRangeOutsideTheFileIs457() throws Exception {
        try (RtspTestClient client = new RtspTestClient(); DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String session = setup(client, rtp.getLocalPort());
            assertEquals(457, client.request("PLAY", URL, 3, "Session: " + session, "Range: npt=50-").status());
            assertEquals(457, client.request("PLAY", URL, 4, "Session: " + session, "Range: clock=19961108T143720.25Z-").status());
            assertEquals(460, client.request("PLAY", URL + "/trackID=1", 5, "Session: " + session).status());
            assertEquals(200, client.request("TEARDOWN", URL, 6, "Session: " + session).status());
        }
    }

    private static String setup(RtspTestClient client, int rtpPort) throws Exception {
        Response r = client.request("SETUP", URL + "/trackID=1", 2,
                "Transport: RTP/AVP;unicast;client_port=" + rtpPort + "-" + (rtpPort + 1));
        assertEquals(200, r.status());
        String transport = r.header("Transport");
        assertTrue(transport.contains("client_port=" + rtpPort + "-" + (rtpPort + 1)), transport);
        assertTrue(transport.matches(".*server_port=\\d+-\\d+.*"), transport);
        assertTrue(transport.matches(".*ssrc=[0-9A-F]{8}.*"), transport);
        String session = r.header("Session");
        assertTrue(session.endsWith(";timeout=8"), session);
        return session.substring(0, session.indexOf(';'));
    }

    /** Receives RTP until {@code millis} pass; returns {count, first seq, last seq, first ts, last ts}. */
    private static long[] receive(DatagramSocket socket, int millis) throws Exception {
        long[] stats = {0, -1, -1, -1, -1};
        long end = System.currentTimeMillis() + millis;
        byte[] buffer = new byte[2048];
        while (System.currentTimeMillis() < end) {
            socket.setSoTimeout((int) Math.max(1, end - System.currentTimeMillis()));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            int seq = ((buffer[2] & 0xFF) << 8) | (buffer[3] & 0xFF);
            long ts = ((buffer[4] & 0xFFL) << 24) | ((buffer[5] & 0xFFL) << 16) | ((buffer[6] & 0xFFL) << 8) | (buffer[7] & 0xFFL);
            if (stats[0] == 0) {
                stats[1] = seq;
                stats[3] = ts;
            }
            stats[0]++;
            stats[2] = seq;
            stats[4] = ts;
        }
        return stats;
    }

    @Test
    void pauseStopsTheStreamAndPlayResumesWithContinuousNumbering() throws Exception {
        try (RtspTestClient client = new RtspTestClient(); DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String session = setup(client, rtp.getLocalPort());
            Response play = client.request("PLAY", URL, 3, "Session: " + session, "Range: npt=0-");
            assertEquals(200, play.status());
            assertEquals("npt=0.000-10.000", play.header("Range"));
            String rtpInfo = play.header("RTP-Info");
            assertNotNull(rtpInfo);
            int announcedSeq = Integer.parseInt(rtpInfo.replaceAll(".*seq=(\\d+).*", "$1"));

            long[] first = receive(rtp, 2000);
            assertTrue(first[0] > 20, "packets flow after PLAY: " + first[0]);
            double mediaSeconds = ((first[4] - first[3]) & 0xFFFFFFFFL) / 90000.0;
            assertTrue(mediaSeconds > 1.2 && mediaSeconds < 2.6,
                    "2 s of receiving carried " + mediaSeconds + " s of video: paced, not burst");
            assertEquals(announcedSeq, first[1], "the first packet carries the RTP-Info seq");

            Response pause = client.request("PAUSE", URL, 4, "Session: " + session);
            assertEquals(200, pause.status());
            receive(rtp, 200); // what was already in flight
            long[] paused = receive(rtp, 1500);
            assertEquals(0, paused[0], "no packets while paused");

            Response resume = client.request("PLAY", URL, 5, "Session: " + session);
            assertEquals(200, resume.status());
            double resumedAt = Double.parseDouble(resume.header("Range").replaceAll("npt=([0-9.]+)-.*", "$1"));
            assertTrue(resumedAt >= 1.5 && resumedAt <= 3.0, "resumed at the pause point, not the start: " + resumedAt);
            long[] second = receive(rtp, 1500);
            assertTrue(second[0] > 10);
            long lastBefore = first[2];
            assertTrue(((second[1] - lastBefore) & 0xFFFF) <= 100 && second[1] != first[1],
                    "sequence numbers continue after PAUSE: " + lastBefore + " then " + second[1]);
            assertTrue(((second[3] - first[4]) & 0xFFFFFFFFL) < 0x7FFFFFFFL, "timestamps go forward across PAUSE");
            assertEquals(200, client.request("TEARDOWN", URL, 6, "Session: " + session).status());
            assertEquals(454, client.request("PLAY", URL, 7, "Session: " + session).status(), "gone after TEARDOWN");
        }
    }

    @Test
    void playAfterTheEndStartsOverAndTheEndSendsRtcpBye() throws Exception {
        try (RtspTestClient client = new RtspTestClient(); DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket rtcp = new DatagramSocket(rtp.getLocalPort() + 1, InetAddress.getLoopbackAddress())) {
            String session = setup(client, rtp.getLocalPort());
            Response play = client.request("PLAY", URL, 3, "Session: " + session, "Range: npt=9.5-");
            assertEquals(200, play.status());
            double start = Double.parseDouble(play.header("Range").replaceAll("npt=([0-9.]+)-.*", "$1"));
            assertTrue(start <= 9.5 && start >= 8.4, "starts at the key frame before 9.5 s: " + play.header("Range"));
            // The end of the presentation: an RTCP BYE (packet type 203) arrives on the RTCP port.
            rtcp.setSoTimeout(4000);
            boolean bye = false;
            byte[] buffer = new byte[1500];
            long end = System.currentTimeMillis() + 4000;
            while (!bye && System.currentTimeMillis() < end) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                rtcp.receive(packet);
                for (int off = 0; off + 4 <= packet.getLength(); ) {
                    int type = buffer[off + 1] & 0xFF;
                    bye |= type == 203;
                    off += 4 * ((((buffer[off + 2] & 0xFF) << 8) | (buffer[off + 3] & 0xFF)) + 1);
                }
            }
            assertTrue(bye, "RTCP BYE at the end of the presentation");
            Response again = client.request("PLAY", URL, 4, "Session: " + session);
            assertEquals(200, again.status());
            assertEquals("npt=0.000-10.000", again.header("Range"), "PLAY after the end starts over");
            assertTrue(receive(rtp, 1000)[0] > 10);
            assertEquals(200, client.request("TEARDOWN", URL, 5, "Session: " + session).status());
        }
    }

    @Test
    void binaryGarbageGets400AndTheServerStaysHealthy() throws Exception {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 5; round++) {
            byte[] junk = new byte[8192];
            random.nextBytes(junk);
            junk[0] = 'X';
            try (RtspTestClient client = new RtspTestClient()) {
                client.sendRaw(new String(junk, java.nio.charset.StandardCharsets.ISO_8859_1) + "\r\n\r\n");
                try {
                    Response r = client.readResponse();
                    assertTrue(r.status() == 400 || r.status() == 413, "status " + r.status());
                } catch (java.io.IOException closed) {
                    // the server may close before the client finishes writing: also a clear refusal
                }
            }
        }
        try (RtspTestClient client = new RtspTestClient()) {
            assertEquals(200, client.request("DESCRIBE", URL, 1).status(), "still serving after garbage");
        }
    }

    @Test
    void keepAlivesHoldTheSessionAndSilenceEndsIt() throws Exception {
        try (RtspTestClient client = new RtspTestClient(); DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String kept = setup(client, rtp.getLocalPort());
            for (int i = 0; i < 4; i++) {
                Thread.sleep(3000);
                assertEquals(200, client.request("GET_PARAMETER", URL, 10 + i, "Session: " + kept).status());
            }
            // 12 s with keep-alives every 3 s: longer than the 8 s timeout, and still alive.
            assertEquals(200, client.request("OPTIONS", URL, 20, "Session: " + kept).status());
            Thread.sleep(11_000);
            assertEquals(454, client.request("GET_PARAMETER", URL, 21, "Session: " + kept).status(),
                    "the session ended after 8 s of silence");
        }
    }

    @Test
    void theCatalogueNoticesFilesAddedAndRemovedWithoutARestart() throws Exception {
        Path media = Path.of(System.getProperty("it.media.dir"));
        Path added = media.resolve("added-later.mp4");
        Files.deleteIfExists(added);
        try (RtspTestClient client = new RtspTestClient()) {
            assertEquals(404, client.request("DESCRIBE", Endpoints.RTSP + "added-later.mp4", 1).status());
            Files.copy(media.resolve("tiny.mp4"), added, StandardCopyOption.REPLACE_EXISTING);
            assertEquals(200, client.request("DESCRIBE", Endpoints.RTSP + "added-later.mp4", 2).status());
            Files.delete(added);
            assertEquals(404, client.request("DESCRIBE", Endpoints.RTSP + "added-later.mp4", 3).status());
        }
    }
}
