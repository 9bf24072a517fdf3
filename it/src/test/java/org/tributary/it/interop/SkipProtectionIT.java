package org.tributary.it.interop;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.tributary.ejb.logs.W3cLogParser;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.live.GstFrames;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Skip protection end to end: GStreamer's rtspsrc plays sample.mp4 over UDP while nftables drops 5 % of the
 * packets to its ports. With {@code do-retransmission=true} it NACKs what is missing, the server resends it as
 * RFC 4588 rtx packets, and at least 95 % of the frames of 6 s are decoded; without, the same loss costs
 * visibly more frames. rtph264depay waits for the next key frame after a loss, so a lost packet costs the
 * rest of its GOP instead of a concealed picture that would still be counted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SkipProtectionIT {

    /** The client's RTP/RTCP ports for video and audio (rtspsrc port-range), apart from other test servers'. */
    private static final int FIRST_PORT = Endpoints.RTSP_PORT + 1100;
    private static final int LAST_PORT = FIRST_PORT + 3;
    private static final int LOSS_PERCENT = 5;
    /** Packets let through before dropping starts, so the first key frame arrives whole either way. */
    private static final int CLEAN_START_PACKETS = 60;
    private static final double WINDOW_SECONDS = 6;
    private static final int FRAMES_PER_SECOND = 25;
    private static final Path OUT = Path.of("target", "skip-protection");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void retransmissionRecoversWhatTheLinkDrops() throws Exception {
        Files.createDirectories(OUT);
        int earlier = retransmissionLines().size();
        Run with = play(true);
        String server = retransmissionLineAfter(earlier);
        Run without = play(false);
        int expected = (int) (WINDOW_SECONDS * FRAMES_PER_SECOND);
        String figures = "with retransmission " + with + "; without " + without + "; server: " + server;
        System.out.println("[SkipProtectionIT] " + figures);
        assertTrue(with.dropped() > 0 && without.dropped() > 0, "the rule dropped nothing: " + figures);
        assertTrue(with.rtxReceived() > 0, "GStreamer received no retransmission: " + figures);
        Matcher sent = Pattern.compile("(\\d+) asked for, (\\d+) sent").matcher(server == null ? "" : server);
        assertTrue(sent.find() && Long.parseLong(sent.group(2)) > 0, "the server counted no retransmission sent: "
                + figures);
        assertTrue(accessLogHas(sent.group(1), sent.group(2)), "no access-log line with x-rtx-requested "
                + sent.group(1) + " and x-rtx-sent " + sent.group(2) + ": " + figures);
        assertTrue(with.frames() >= Math.ceil(expected * 0.95), "with retransmission " + with.frames() + " of "
                + expected + " frames decoded: " + figures);
        assertTrue(without.frames() <= with.frames() - expected / 10, "without retransmission " + without.frames()
                + " frames, not visibly fewer than " + with.frames() + ": " + figures);
    }

    /** What one playback through the lossy link gave. */
    private record Run(int frames, long seen, long dropped, long rtxReceived) {
    }

    private Run play(boolean retransmission) throws IOException, InterruptedException {
        StringBuilder why = new StringBuilder();
        try (LossyLink link = LossyLink.open(FIRST_PORT, LAST_PORT, LOSS_PERCENT, why)) {
            assumeTrue(link != null, "skip protection test skipped: " + why);
            String name = retransmission ? "with-rtx" : "without-rtx";
            Path stdout = OUT.resolve(name + ".out");
            ProcessBuilder builder = new ProcessBuilder("gst-launch-1.0", "-v", "-e", "rtspsrc",
                    "location=" + Endpoints.RTSP + "sample.mp4", "protocols=udp",
                    "port-range=" + FIRST_PORT + "-" + LAST_PORT, "do-retransmission=" + retransmission, "!",
                    "rtph264depay", "wait-for-keyframe=true", "!", "video/x-h264,alignment=au", "!", "avdec_h264",
                    "!", "identity", "silent=false", "!", "fakesink", "sync=false")
                    .redirectOutput(stdout.toFile());
            // rtprtxreceive logs each rtx packet it restores; its requests (the jitterbuffer asks for the packet
            // after the last one until the end) make too many lines to keep, so stderr is counted as it comes.
            builder.environment().put("GST_DEBUG", "rtprtxreceive:5");
            builder.environment().put("GST_DEBUG_NO_COLOR", "1");
            Process gst = builder.start();
            RtxLineCounter rtx = new RtxLineCounter(gst.getErrorStream());
            rtx.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (link.packetsSeen() < CLEAN_START_PACKETS && gst.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(link.packetsSeen() >= CLEAN_START_PACKETS, name + ": only " + link.packetsSeen()
                        + " packets reached ports " + FIRST_PORT + "-" + LAST_PORT);
                link.startDropping();
                assertTrue(gst.waitFor(60, TimeUnit.SECONDS), name + ": gst-launch did not finish within 60 s");
            } finally {
                gst.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            rtx.join(TimeUnit.SECONDS.toMillis(10));
            Files.writeString(OUT.resolve(name + ".err"), rtx.otherLines());
            return new Run(framesInWindow(GstFrames.presentationTimes(Files.readString(stdout))), link.packetsSeen(),
                    link.packetsDropped(), rtx.rtxPackets());
        }
    }

    /**
     * The server.log line of the session that ended after {@code earlier} such lines, with its retransmission
     * counts ("retransmissions: 60 asked for, 48 sent, 12 too late"), waited for up to 10 s, or null.
     */
    private static String retransmissionLineAfter(int earlier) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<String> lines = retransmissionLines();
            if (lines.size() > earlier) {
                return lines.get(earlier);
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(100);
        }
    }

    /** Whether the access log (written asynchronously) gets the session's line with these counts within 20 s. */
    private static boolean accessLogHas(String requested, String sent) throws Exception {
        Path log = Path.of(System.getProperty("it.log.dir", System.getProperty("jboss.server.log.dir")),
                "tributary-access.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        do {
            boolean found = W3cLogParser.parse(log).entries().stream().anyMatch(e -> "/sample.mp4".equals(e.text("cs-uri-stem"))
                    && requested.equals(e.get("x-rtx-requested")) && sent.equals(e.get("x-rtx-sent")));
            if (found) {
                return true;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static List<String> retransmissionLines() throws IOException {
        Path log = Path.of(System.getProperty("it.log.dir", System.getProperty("jboss.server.log.dir")), "server.log");
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("sample.mp4") && l.contains("retransmissions:")).toList();
    }

    /** Reads gst-launch's stderr: counts the rtx packets rtprtxreceive restored, keeps the lines of others. */
    private static final class RtxLineCounter extends Thread {
        private final InputStream in;
        private final StringBuilder other = new StringBuilder();
        private volatile long rtxPackets;

        RtxLineCounter(InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.contains("Got rtx packet")) {
                        rtxPackets++;
                    } else if (!line.contains("rtprtxreceive")) {
                        synchronized (other) {
                            other.append(line).append('\n');
                        }
                    }
                }
            } catch (IOException e) {
                // gst-launch ended
            }
        }

        long rtxPackets() {
            return rtxPackets;
        }

        String otherLines() {
            synchronized (other) {
                return other.toString();
            }
        }
    }

    /** Frames whose pts lies in the window, which starts one second after the first frame decoded. */
    private static int framesInWindow(List<Double> pts) {
        if (pts.isEmpty()) {
            return 0;
        }
        double start = pts.stream().mapToDouble(Double::doubleValue).min().orElseThrow() + 1;
        return (int) pts.stream().filter(t -> t >= start && t < start + WINDOW_SECONDS).count();
    }
}
