package org.tributary.it.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/status} (public: no credentials) reports the adapter's live state, read through EJB → connection factory → adapter. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatusApiIT {

    static final String BASE = Endpoints.HTTP;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    static JsonObject getStatus() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(BASE + "/api/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void reportsPortsAndCountsConnectionsLive() throws Exception {
        JsonObject before = getStatus();
        assertEquals(Endpoints.RTSP_PORT, before.getInt("rtspPort"));
        assertEquals("127.0.0.1", before.getString("rtspBindAddress"));
        assertTrue(before.getString("mediaRoot").endsWith("media"), before.getString("mediaRoot"));
        assertTrue(before.getJsonNumber("uptimeSeconds").longValue() >= 0);

        try (RtspTestClient a = new RtspTestClient(); RtspTestClient b = new RtspTestClient()) {
            a.request("OPTIONS", "*", 1);
            b.request("OPTIONS", "*", 1);
            JsonObject during = getStatus();
            assertTrue(during.getInt("openConnections") >= 2, during.toString());
            assertTrue(during.getJsonNumber("totalConnections").longValue()
                    >= before.getJsonNumber("totalConnections").longValue() + 2);
            assertTrue(during.getJsonNumber("requestsHandled").longValue()
                    >= before.getJsonNumber("requestsHandled").longValue() + 2);
        }
    }

    /**
     * WildFly on this Linux x86_64 box loads the RAR's bundled native epoll library, and a UDP viewer's packets
     * leave through it: ffmpeg decodes the whole clip while the batched packet count grows by at least its frames,
     * and the batches hold more than one packet on average once a turn carries several.
     */
    @Test
    void udpPacketsLeaveInBatchesThroughTheNativeLibrary() throws Exception {
        JsonObject before = getStatus();
        assertEquals("sendmmsg", before.getString("udpSendMode"), before.toString());
        assertTrue(before.getString("udpSendDetail").startsWith("Netty 4.2."), before.toString());
        org.tributary.it.support.Tools.Result decoded = org.tributary.it.support.Tools.run(40,
                org.tributary.it.support.Tools.ffmpegDecode("udp", Endpoints.RTSP + "sample.mp4")
                        .toArray(String[]::new));
        assertEquals(0, decoded.exitCode(), decoded.stderr());
        int[] frames = org.tributary.it.support.Tools.framesPerStream(decoded);
        assertTrue(frames[0] > 100 && frames[1] > 100, "frames per stream: " + java.util.Arrays.toString(frames));
        JsonObject after = getStatus();
        long packets = after.getJsonNumber("udpPacketsBatched").longValue()
                - before.getJsonNumber("udpPacketsBatched").longValue();
        long batches = after.getJsonNumber("udpBatches").longValue() - before.getJsonNumber("udpBatches").longValue();
        assertTrue(packets >= frames[0] + frames[1], packets + " packets batched for " + frames[0] + " + "
                + frames[1] + " frames: " + after);
        assertTrue(batches > 0 && batches < packets, batches + " batches for " + packets + " packets");
    }

    @Test
    void unknownApiPathIs404() throws Exception {
        HttpResponse<String> response = ConsoleApi.admin().get("/api/nothing-here");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("\"status\":404"), response.body());
    }
}
