package org.tributary.it.live;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.logs.AccessLog;
import org.tributary.it.support.ConsoleApi;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.ejb.users.UserService;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.Tools;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live reflector with real clients: ffmpeg publishes the sample clip (H.264 + AAC, {@code -re -c copy
 * -f rtsp}) over TCP and over UDP as a broadcaster account; ffmpeg and GStreamer viewers over UDP, TCP and
 * the HTTP tunnel decode its frames; a late joiner starts with the cached key frame; a second publisher is
 * refused; a killed publisher's viewers get their stream ended.
 */
@ExtendWith(ArquillianExtension.class)
class LivePublishIT {

    static final String FOLDER = "it-live";
    static final String CASTER = "it-live-caster";
    static final String PASSWORD = "cast-pw";
    /** Frames of 5 s of the 25 fps sample clip. */
    static final int FIVE_SECONDS = 125;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(LivePublishIT.class, GstFrames.class, TunnelPublisher.class, Framemd5.class,
                Tools.class);
    }

    @EJB
    UserService users;

    @EJB
    AccessService access;

    @EJB
    AccessLog accessLog;

    private final List<Process> publishers = new ArrayList<>();

    @BeforeEach
    void broadcaster() {
        users.putUser(CASTER, null, PASSWORD);
        access.putBroadcaster(CASTER, List.of(FOLDER));
        // Basic, because GStreamer answers a Digest challenge with qop=auth wrongly (README: Digest and GStreamer).
        access.putRule(new RuleSpec(FOLDER, null, AuthScheme.BASIC, Permission.of(Audience.ANYONE),
                Permission.listed(List.of(CASTER), List.of()), null, null, "LivePublishIT"));
    }

    @AfterEach
    void stopPublishersAndRemoveTheAccount() throws Exception {
        for (Process p : publishers) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        access.removeRule(FOLDER);
        access.removeBroadcaster(CASTER);
        users.removeUser(CASTER);
    }

    static String url(String path) {
        return Endpoints.RTSP + FOLDER + "/" + path;
    }

    static String publishUrl(String path) {
        return "rtsp://" + CASTER + ":" + PASSWORD + "@127.0.0.1:" + Endpoints.RTSP_PORT + "/" + FOLDER + "/" + path;
    }

    static Path sample() {
        return Path.of(System.getProperty("tributary.media.root"), "sample.mp4");
    }

    /** ffmpeg publishing the sample clip in a loop, in real time, until the test ends. */
    private Process publish(String path, String transport) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-stream_loop", "-1", "-i", sample().toString(), "-c", "copy", "-f", "rtsp",
                "-rtsp_transport", transport, publishUrl(path));
        builder.redirectErrorStream(true);
        builder.redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "it-live-" + path + ".log").toFile());
        Process process = builder.start();
        publishers.add(process);
        return process;
    }

    /** Waits until DESCRIBE of the path answers 200 (the publisher recorded), at most 20 s. */
    static void awaitLive(String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int status = 0;
        while (System.nanoTime() < deadline) {
            try (RtspTestClient client = new RtspTestClient()) {
                status = client.request("DESCRIBE", url(path), 1).status();
            }
            if (status == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never went live: DESCRIBE answered " + status);
    }

    /** The broadcast of {@code path} as the API lists it, once it has a viewer and a rate in. */
    static jakarta.json.JsonObject broadcastWithAViewer(String path) throws Exception {
        ConsoleApi api = ConsoleApi.admin();
        jakarta.json.JsonObject broadcast = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (broadcast == null || broadcast.getInt("viewers") < 1 || broadcast.getJsonNumber("bitsPerSecond")
                .longValue() == 0) {
            assertTrue(System.nanoTime() < deadline, "the API never showed the broadcast with a viewer: " + broadcast);
            Thread.sleep(300);
            var answer = api.get("/api/live/broadcasts");
            assertEquals(200, answer.statusCode(), answer.body());
            broadcast = jakarta.json.Json.createReader(new java.io.StringReader(answer.body())).readArray()
                    .getValuesAs(jakarta.json.JsonObject.class).stream()
                    .filter(b -> b.getString("path").equals(FOLDER + "/" + path)).findFirst().orElse(null);
        }
        return broadcast;
    }

    /** ffmpeg decoding 7 s of the live stream's video, one framemd5 line per frame. */
    static Tools.Result view(String transport, String url) throws Exception {
        return Tools.run(40, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-rtsp_transport", transport,
                "-i", url, "-map", "0:v", "-t", "7", "-f", "framemd5", "-");
    }

    /** Frames of a stream within 5 s from its first picture (a viewer who joins before a key frame starts later). */
    static int framesOfFiveSeconds(Tools.Result framemd5, int stream) {
        return Framemd5.of(framemd5, stream).framesWithin(5.0);
    }

    @Test
    void ffmpegPublishesOverTcpAndViewersDecodeOverUdpTcpAndTheTunnel() throws Exception {
        publish("tcp.sdp", "tcp");
        awaitLive("tcp.sdp");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        // A viewer that plays over TCP and never reads: it loses its own packets, nobody else's.
        try (RtspTestClient stalled = new RtspTestClient()) {
            RtspTestClient.Response setup = stalled.request("SETUP", url("tcp.sdp") + "/trackID=1", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, setup.status());
            assertEquals(200, stalled.request("PLAY", url("tcp.sdp"), 2, "Session: " + setup.sessionId()).status());
            Future<Tools.Result> udp = pool.submit(() -> view("udp", url("tcp.sdp")));
            Future<Tools.Result> tcp = pool.submit(() -> view("tcp", url("tcp.sdp")));
            Future<Tools.Result> tunnel = pool.submit(() -> view("http", url("tcp.sdp")));
            for (Object[] run : new Object[][] {{"udp", udp}, {"tcp", tcp}, {"http", tunnel}}) {
                @SuppressWarnings("unchecked")
                Tools.Result r = ((Future<Tools.Result>) run[1]).get();
                assertEquals(0, r.exitCode(), run[0] + ": " + r.stderr());
                int frames = framesOfFiveSeconds(r, 0);
                assertTrue(frames >= FIVE_SECONDS * 95 / 100, run[0] + ": " + frames + " of " + FIVE_SECONDS
                        + " frames of 5 s decoded");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ffmpegPublishesOverUdpAndGstreamerViews() throws Exception {
        publish("udp.sdp", "udp");
        awaitLive("udp.sdp");
        Tools.Result ffmpeg = view("tcp", url("udp.sdp"));
        assertEquals(0, ffmpeg.exitCode(), ffmpeg.stderr());
        assertTrue(framesOfFiveSeconds(ffmpeg, 0) >= FIVE_SECONDS * 95 / 100,
                "ffmpeg decoded " + framesOfFiveSeconds(ffmpeg, 0) + " frames of 5 s");
        // GStreamer over UDP, TCP and the HTTP tunnel (rtsph://), each stopped by SIGINT after 9 s (-e turns it
        // into EOS); frames counted by their presentation times over the 5 s from the first one.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Tools.Result>> runs = new ArrayList<>();
            for (String protocol : List.of("udp", "tcp", "http")) {
                String location = protocol.equals("http") ? url("udp.sdp").replace("rtsp://", "rtsph://") : url("udp.sdp");
                runs.add(pool.submit(() -> Tools.run(40, "timeout", "-s", "INT", "9", "gst-launch-1.0", "-v", "-e",
                        "rtspsrc", "location=" + location, "protocols=" + (protocol.equals("http") ? "tcp" : protocol),
                        "latency=500", "!", "rtph264depay", "!", "avdec_h264", "!", "identity", "silent=false", "!",
                        "fakesink", "sync=false")));
            }
            for (int i = 0; i < runs.size(); i++) {
                Tools.Result gst = runs.get(i).get();
                List<Double> pts = GstFrames.presentationTimes(gst.stdout());
                String which = List.of("udp", "tcp", "http").get(i);
                assertTrue(!pts.isEmpty(), which + ": GStreamer decoded nothing: " + gst.stderr() + gst.stdout());
                long inFiveSeconds = pts.stream().filter(t -> t < pts.get(0) + 5.0).count();
                assertTrue(inFiveSeconds >= FIVE_SECONDS * 95 / 100,
                        which + ": GStreamer decoded " + inFiveSeconds + " frames in the 5 s from its first picture");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPublisherSendsThroughTheHttpTunnel() throws Exception {
        Path sdp = Path.of(System.getProperty("java.io.tmpdir"), "it-live-tunnel-source.sdp");
        java.nio.file.Files.deleteIfExists(sdp);
        try (java.net.DatagramSocket rtpIn = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                    "-re", "-stream_loop", "-1", "-i", sample().toString(), "-map", "0:v", "-c", "copy", "-f", "rtp",
                    "rtp://127.0.0.1:" + rtpIn.getLocalPort(), "-sdp_file", sdp.toString());
            builder.redirectErrorStream(true);
            builder.redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "it-live-tunnel-ffmpeg.log").toFile());
            publishers.add(builder.start());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!java.nio.file.Files.isRegularFile(sdp) || java.nio.file.Files.size(sdp) == 0) {
                assertTrue(System.nanoTime() < deadline, "ffmpeg wrote no SDP file");
                Thread.sleep(100);
            }
            Thread.sleep(300);
            try (TunnelPublisher tunnel = new TunnelPublisher(Endpoints.RTSP_PORT, "/" + FOLDER + "/tunnel.sdp",
                    CASTER, PASSWORD)) {
                assertEquals(200, tunnel.request("ANNOUNCE", "", java.nio.file.Files.readString(sdp)));
                assertEquals(200, tunnel.request("SETUP", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record\r\n", ""));
                assertEquals(200, tunnel.request("RECORD", "Range: npt=0.000-\r\n", ""));
                Thread forwarder = new Thread(() -> tunnel.forward(rtpIn));
                forwarder.setDaemon(true);
                forwarder.start();
                Tools.Result r = view("tcp", url("tunnel.sdp"));
                assertEquals(0, r.exitCode(), r.stderr());
                int frames = framesOfFiveSeconds(r, 0);
                assertTrue(frames >= FIVE_SECONDS * 95 / 100, "published through the tunnel: " + frames + " frames");
            }
        } finally {
            java.nio.file.Files.deleteIfExists(sdp);
        }
    }

    @Test
    void gstreamerPublishesH265AndOpusAndFfmpegViews() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("gst-launch-1.0", "-e", "rtspclientsink", "name=s",
                "location=" + url("hevc.sdp"), "protocols=tcp", "user-id=" + CASTER, "user-pw=" + PASSWORD,
                "videotestsrc", "is-live=true", "num-buffers=500", "!",
                "video/x-raw,width=320,height=240,framerate=25/1", "!", "x265enc", "tune=zerolatency",
                "speed-preset=ultrafast", "key-int-max=25", "!", "h265parse", "!", "s.",
                "audiotestsrc", "is-live=true", "!", "audioconvert", "!", "audioresample", "!", "opusenc", "!", "s.");
        builder.redirectErrorStream(true);
        builder.redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "it-live-gst-publisher.log").toFile());
        publishers.add(builder.start());
        awaitLive("hevc.sdp");
        Tools.Result probe = Tools.run(30, "ffprobe", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp",
                "-show_entries", "stream=codec_name", "-of", "csv=p=0", url("hevc.sdp"));
        List<String> codecs = probe.lines();
        assertEquals(List.of("hevc", "opus"), codecs.stream().sorted().toList(), probe.stderr());
        Tools.Result r = Tools.run(40, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-rtsp_transport",
                "tcp", "-i", url("hevc.sdp"), "-t", "7", "-f", "framemd5", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        int[] frames = Tools.framesPerStream(r);
        int video = framesOfFiveSeconds(r, codecs.indexOf("hevc"));
        int audio = frames[codecs.indexOf("opus")];
        assertTrue(video >= FIVE_SECONDS * 95 / 100, "H.265: " + video + " of " + FIVE_SECONDS + " frames");
        double audioSeconds = Framemd5.of(r, codecs.indexOf("opus")).seconds();
        assertTrue(audio > 0 && audioSeconds >= 4.75, "Opus: " + audio + " frames, " + audioSeconds + " s of 5 s");
    }

    @Test
    void anSdpFileDescribingAnRtpSourceIsALiveStreamPlayersOpenByItsName() throws Exception {
        reflectAnSdpFileOf("127.0.0.1", "", "it-reflected.sdp");
    }

    @Test
    void anSdpFileDescribingAMulticastSourceIsReflectedFromTheGroup() throws Exception {
        String group = "239.255.77.1";
        boolean routed;
        try {
            routed = Tools.run(10, "ip", "route", "get", group).exitCode() == 0;
        } catch (IOException e) {
            routed = false;
        }
        assumeTrue(routed, "no route for 224.0.0.0/4 on this host (ip route get " + group + " fails or there is no"
                + " ip command): multicast cannot be looped back here");
        // TTL 0: the packets never leave this host; they reach the group's members here by multicast loopback.
        String sdpText = reflectAnSdpFileOf(group, "?ttl=0", "it-reflected-multicast.sdp");
        assertTrue(sdpText.contains("c=IN IP4 " + group), "ffmpeg described the group: " + sdpText);
    }

    /** ffmpeg sends the clip as RTP to {@code host} and writes its SDP file into the media folder; ffmpeg plays the file's name. */
    private String reflectAnSdpFileOf(String host, String urlOptions, String name) throws Exception {
        int video;
        int audio;
        try (java.net.DatagramSocket a = new java.net.DatagramSocket(0); java.net.DatagramSocket b = new java.net.DatagramSocket(0)) {
            video = a.getLocalPort();
            audio = b.getLocalPort();
        }
        Path sdp = Path.of(System.getProperty("tributary.media.root"), name);
        ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-stream_loop", "-1", "-i", sample().toString(),
                "-map", "0:v", "-c", "copy", "-f", "rtp", "rtp://" + host + ":" + video + urlOptions,
                "-map", "0:a", "-c", "copy", "-f", "rtp", "rtp://" + host + ":" + audio + urlOptions,
                "-sdp_file", sdp.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "it-live-rtp-source-" + name + ".log").toFile());
        publishers.add(builder.start());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!java.nio.file.Files.isRegularFile(sdp) || java.nio.file.Files.size(sdp) == 0) {
                assertTrue(System.nanoTime() < deadline, "ffmpeg wrote no SDP file");
                Thread.sleep(100);
            }
            Thread.sleep(300); // the whole file
            String sdpText = java.nio.file.Files.readString(sdp);
            Tools.Result r = Tools.run(40, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                    "-rtsp_transport", "tcp", "-i", Endpoints.RTSP + name, "-t", "7", "-f", "framemd5", "-");
            assertEquals(0, r.exitCode(), r.stderr());
            int frames = framesOfFiveSeconds(r, 0);
            assertTrue(frames >= FIVE_SECONDS * 95 / 100, "reflected video: " + frames + " frames of 5 s");
            double audioSeconds = Framemd5.of(r, 1).seconds();
            assertTrue(audioSeconds >= 4.75, "reflected audio: " + audioSeconds + " s");
            return sdpText;
        } finally {
            java.nio.file.Files.deleteIfExists(sdp);
        }
    }

    @Test
    void aLateJoinerStartsWithTheCachedKeyFrameAtOnce() throws Exception {
        publish("late.sdp", "tcp");
        awaitLive("late.sdp");
        Thread.sleep(2500); // well into a GOP of the clip
        try (RtspTestClient client = new RtspTestClient()) {
            RtspTestClient.Response described = client.request("DESCRIBE", url("late.sdp"), 1);
            assertEquals(200, described.status());
            assertTrue(described.bodyText().contains("a=range:npt=now-"), described.bodyText());
            RtspTestClient.Response setup = client.request("SETUP", url("late.sdp") + "/trackID=1", 2,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, setup.status());
            long played = System.nanoTime();
            assertEquals(200, client.request("PLAY", url("late.sdp"), 3, "Session: " + setup.sessionId()).status());
            DataInputStream in = new DataInputStream(client.input());
            int nalType = -1;
            while (nalType < 0) {
                int marker = in.readUnsignedByte();
                assertEquals('$', marker, "an interleaved frame");
                int channel = in.readUnsignedByte();
                byte[] frame = new byte[in.readUnsignedShort()];
                in.readFully(frame);
                if (channel == 0) {
                    int at = 12 + (frame[0] & 0x0F) * 4;
                    nalType = frame[at] & 0x1F;
                    if (nalType == 28) { // FU-A: the fragmented unit's type is in the FU header, S bit first
                        nalType = (frame[at + 1] & 0x80) != 0 ? frame[at + 1] & 0x1F : 28;
                    }
                }
            }
            long millis = (System.nanoTime() - played) / 1_000_000;
            assertTrue(nalType == 7 || nalType == 5 || nalType == 24,
                    "the first video packet starts a key frame (SPS, IDR or a STAP-A of them), not NAL type " + nalType);
            assertTrue(millis < 1000, "the first packet came " + millis + " ms after PLAY");
        }
    }

    @Test
    void aPublisherThatReconnectsWithinTheGraceKeepsItsViewersWatching() throws Exception {
        Process first = publish("resume.sdp", "tcp");
        awaitLive("resume.sdp");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Tools.Result> viewer = pool.submit(() -> Tools.run(40, "ffmpeg", "-hide_banner", "-nostdin",
                    "-loglevel", "error", "-rtsp_transport", "tcp", "-i", url("resume.sdp"), "-map", "0:v", "-t", "10",
                    "-f", "framemd5", "-"));
            broadcastWithAViewer("resume.sdp");
            Thread.sleep(2000); // the viewer plays a while before the encoder dies
            first.destroyForcibly();
            first.waitFor(10, TimeUnit.SECONDS);
            publish("resume.sdp", "tcp"); // the encoder comes back, within the 5 s grace
            Tools.Result r = viewer.get(40, TimeUnit.SECONDS);
            assertEquals(0, r.exitCode(), r.stderr());
            int frames = Framemd5.of(r, 0).framesWithin(10.0);
            assertTrue(frames >= 175, "the viewer went on through the reconnect: " + frames + " frames of 10 s");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theApiListsTheBroadcastAnOperatorEndsItAndTheAccessLogRecordsIt() throws Exception {
        Process encoder = publish("api.sdp", "tcp");
        awaitLive("api.sdp");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> Tools.run(40, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                    "-rtsp_transport", "tcp", "-i", url("api.sdp"), "-map", "0:v", "-f", "null", "-"));
            jakarta.json.JsonObject broadcast = broadcastWithAViewer("api.sdp");
            ConsoleApi api = ConsoleApi.admin();
            assertEquals("H264, MPEG4-GENERIC", broadcast.getString("codecs"));
            assertEquals("RECORDING", broadcast.getString("state"));
            assertEquals("TCP", broadcast.getString("transport"));
            assertEquals(CASTER, broadcast.getString("userName"));
            assertEquals(404, api.delete("/api/live/broadcasts/0000000000000000").statusCode());
            assertEquals(204, api.delete("/api/live/broadcasts/" + broadcast.getString("id")).statusCode());
            assertTrue(encoder.waitFor(20, TimeUnit.SECONDS), "the encoder saw its broadcast end");
            try (RtspTestClient client = new RtspTestClient()) {
                assertEquals(404, client.request("DESCRIBE", url("api.sdp"), 1).status());
            }
            String id = broadcast.getString("id");
            Path log = accessLog.path();
            String line = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (line == null) {
                assertTrue(System.nanoTime() < deadline, "no access-log line for the broadcast in " + log);
                Thread.sleep(300);
                line = java.nio.file.Files.isRegularFile(log) ? java.nio.file.Files.readAllLines(log).stream()
                        .filter(l -> l.contains("/" + FOLDER + "/api.sdp") && l.contains("REC-TCP")).findFirst()
                        .orElse(null) : null;
            }
            assertTrue(line.contains(" H264 ") || line.contains(" MPEG4-GENERIC "), line);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSecondPublisherIsRefusedAndAKilledPublishersViewersAreEnded() throws Exception {
        Process first = publish("busy.sdp", "tcp");
        awaitLive("busy.sdp");
        Tools.Result second = Tools.run(30, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-re",
                "-i", sample().toString(), "-t", "2", "-c", "copy", "-f", "rtsp", "-rtsp_transport", "tcp",
                publishUrl("busy.sdp"));
        assertTrue(second.exitCode() != 0, "the second publisher was refused");
        assertTrue(second.stderr().contains("455"), second.stderr());
        Tools.Result wrong = Tools.run(30, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-re",
                "-i", sample().toString(), "-t", "1", "-c", "copy", "-f", "rtsp", "-rtsp_transport", "tcp",
                publishUrl("other.sdp").replace(PASSWORD, "wrong"));
        assertTrue(wrong.stderr().contains("401"), "a wrong password: " + wrong.stderr());

        // A viewer that is reading when the publisher is killed: after the 5 s grace its stream ends (RTCP BYE,
        // then EOF), well before its 40 s limit.
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Tools.Result> viewer = pool.submit(() -> Tools.run(40, "ffmpeg", "-hide_banner", "-nostdin",
                    "-loglevel", "error", "-rtsp_transport", "tcp", "-i", url("busy.sdp"), "-map", "0:v", "-f",
                    "framemd5", "-"));
            broadcastWithAViewer("busy.sdp");
            Thread.sleep(2500); // the viewer decodes its 50 frames before the encoder dies
            first.destroyForcibly();
            Tools.Result r = viewer.get(30, TimeUnit.SECONDS);
            assertTrue(Tools.framesPerStream(r)[0] >= 50, "the viewer decoded frames before: " + r.stderr());
        } finally {
            pool.shutdownNow();
        }
        // The path is freed when the grace ends; the viewer may have left a moment before, by its own session
        // timeout (8 s in the test server) if its last receiver report came well before the kill.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            Thread.sleep(200);
            try (RtspTestClient client = new RtspTestClient()) {
                status = client.request("DESCRIBE", url("busy.sdp"), 1).status();
            }
        } while (status != 404 && System.nanoTime() < deadline);
        assertEquals(404, status, "the path is free again once the grace is over");
    }
}
