package org.tributary.it.interop;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.live.GstFrames;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Thinning end to end: GStreamer plays long.mp4 (30 s of H.264 with B frames) over UDP while nftables drops
 * 20 % of the packets to its ports. Its receiver reports make the server thin the video (a log line with the
 * session id, thinnedFrames in the API); once the rule is removed the reports recover and the server logs
 * the way back to no thinning. The thinned stream still decodes: the decoder goes on producing pictures.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThinningIT {

    private static final int FIRST_PORT = Endpoints.RTSP_PORT + 1300;
    private static final int LAST_PORT = FIRST_PORT + 3;
    private static final ConsoleApi ADMIN = ConsoleApi.admin();
    private static final Path OUT = Path.of("target", "thinning");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @AfterEach
    void restoreSettings() throws Exception {
        ADMIN.delete("/api/settings");
    }

    @Test
    void lossThinsTheVideoAndItsEndRestoresIt() throws Exception {
        HttpResponse<String> saved = ADMIN.putJson("/api/settings",
                "{\"thinningLossPercent\": 10, \"thinningLevelSeconds\": 1}");
        assertEquals(200, saved.statusCode(), saved.body());
        Files.createDirectories(OUT);
        Path stdout = OUT.resolve("gst.out");
        StringBuilder why = new StringBuilder();
        LossyLink link = LossyLink.open(FIRST_PORT, LAST_PORT, 20, why);
        assumeTrue(link != null, "thinning test skipped: " + why);
        Process gst = new ProcessBuilder("gst-launch-1.0", "-v", "-e", "rtspsrc", "name=src",
                "location=" + Endpoints.RTSP + "long.mp4", "protocols=udp", "port-range=" + FIRST_PORT + "-"
                + LAST_PORT, "do-retransmission=false", "src.", "!", "application/x-rtp,media=video", "!",
                "rtph264depay", "!", "avdec_h264", "!", "identity", "silent=false", "!", "fakesink", "sync=false",
                "src.", "!", "application/x-rtp,media=audio", "!", "fakesink", "sync=false").redirectErrorStream(true).redirectOutput(stdout.toFile())
                .start();
        try {
            String id = awaitSessionId();
            link.startDropping();
            String thinned = awaitLogLine("[session " + id + "] track", "thinning non_reference at", 30);
            assertNotNull(thinned, "no thinning logged for session " + id + " under 20 % loss");
            long frames = awaitThinnedFrames(id);
            assertTrue(link.packetsDropped() > 0, "the rule dropped nothing");
            int picturesBefore = pictures(stdout);
            link.close();
            link = null;
            String restored = awaitLogLine("[session " + id + "] track", "thinning none at", 40);
            System.out.println("[ThinningIT] " + thinned.strip() + " | " + frames + " frames thinned | "
                    + (restored == null ? "not restored" : restored.strip()));
            assertNotNull(restored, "thinning not undone after the loss ended for session " + id);
            assertTrue(pictures(stdout) > picturesBefore + 25, "the decoder stopped producing pictures: "
                    + picturesBefore + " then " + pictures(stdout));
        } finally {
            if (link != null) {
                link.close();
            }
            gst.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int pictures(Path stdout) throws Exception {
        return GstFrames.presentationTimes(Files.readString(stdout, StandardCharsets.UTF_8)).size();
    }

    /** The id of the session playing long.mp4, waited for up to 20 s. */
    private static String awaitSessionId() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (JsonObject s : sessions()) {
                if ("long.mp4".equals(s.getString("path")) && "PLAYING".equals(s.getString("state"))) {
                    return s.getString("id");
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no session playing long.mp4 within 20 s");
    }

    /** The session's thinnedFrames once above 0, waited for up to 10 s. */
    private static long awaitThinnedFrames(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long frames = 0;
        while (System.nanoTime() < deadline) {
            for (JsonObject s : sessions()) {
                if (id.equals(s.getString("id"))) {
                    frames = s.getJsonNumber("thinnedFrames").longValue();
                }
            }
            if (frames > 0) {
                return frames;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the API shows no thinned frame for session " + id);
    }

    private static List<JsonObject> sessions() throws Exception {
        HttpResponse<String> response = ADMIN.get("/api/sessions");
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readArray().getValuesAs(JsonObject.class);
    }

    /** The first server.log line with both parts, waited for up to {@code seconds}, or null. */
    private static String awaitLogLine(String part, String other, int seconds) throws Exception {
        Path log = Path.of(System.getProperty("it.log.dir", System.getProperty("jboss.server.log.dir")), "server.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.contains(part) && line.contains(other)) {
                    return line;
                }
            }
            Thread.sleep(250);
        }
        return null;
    }
}
