package org.tributary.it.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.it.api.ConsoleApiIT.VIEWER;
import static org.tributary.it.api.ConsoleApiIT.array;
import static org.tributary.it.api.ConsoleApiIT.object;

/**
 * The console's read-only resources from outside: statistics while ffmpeg plays, the media library with a
 * damaged file in it, the error log tail by level, and the OpenAPI document that describes them all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleDataApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void accounts() throws Exception {
        ConsoleApiIT.consoleAccounts();
    }

    private static JsonObject byPath(JsonArray media, String path) {
        return media.getValuesAs(JsonObject.class).stream().filter(m -> m.getString("path").equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " is not listed in " + media));
    }

    @Test
    void theMediaLibraryListsTracksCodecsDurationsAndWhyAFileCannotPlay() throws Exception {
        Path root = Path.of(System.getProperty("it.media.dir"));
        byte[] junk = new byte[4096];
        new Random(6).nextBytes(junk);
        Files.write(root.resolve("damaged.mp4"), junk);
        try {
            HttpResponse<String> response = VIEWER.get("/api/media");
            assertEquals(200, response.statusCode(), response.body());
            JsonArray media = array(response);

            JsonObject sample = byPath(media, "sample.mp4");
            assertTrue(sample.getBoolean("playable"), sample.toString());
            assertEquals(JsonValue.NULL, sample.get("problem"));
            assertFalse(sample.getBoolean("hinted"));
            assertEquals(10.0, sample.getJsonNumber("durationSeconds").doubleValue(), 0.2);
            assertEquals(Files.size(root.resolve("sample.mp4")), sample.getJsonNumber("sizeBytes").longValue());
            assertEquals("rtsp://127.0.0.1:" + Endpoints.RTSP_PORT + "/sample.mp4", sample.getString("rtspUrl"));
            List<String> tracks = sample.getJsonArray("tracks").getValuesAs(JsonObject.class).stream()
                    .map(t -> t.getString("kind") + " " + t.getString("codec") + " " + t.getString("details")).toList();
            assertEquals(List.of("video H264 640x360 25 fps", "audio AAC 48000 Hz 2 ch"), tracks);

            JsonObject hinted = byPath(media, "sample-hinted.mp4");
            assertTrue(hinted.getBoolean("hinted") && hinted.getBoolean("playable"), hinted.toString());
            assertTrue(hinted.getJsonArray("tracks").getValuesAs(JsonObject.class).stream()
                    .anyMatch(t -> t.getString("kind").equals("hint")), hinted.toString());
            JsonObject mp3 = byPath(media, "sample.mp3");
            assertEquals("MP3", mp3.getJsonArray("tracks").getJsonObject(0).getString("codec"));

            JsonObject damaged = byPath(media, "damaged.mp4");
            assertFalse(damaged.getBoolean("playable"), damaged.toString());
            assertTrue(damaged.getString("problem").contains("damaged.mp4"), damaged.toString());
            assertEquals(JsonValue.NULL, damaged.get("durationSeconds"));

            JsonObject one = object(VIEWER.get("/api/media/sample.mp4"));
            assertEquals(sample, one);
            HttpResponse<String> missing = VIEWER.get("/api/media/no/such/file.mp4");
            assertEquals(404, missing.statusCode());
            assertTrue(object(missing).getString("error").contains("no/such/file.mp4"));
            assertEquals(401, ConsoleApi.anonymous().get("/api/media").statusCode());
        } finally {
            Files.deleteIfExists(root.resolve("damaged.mp4"));
        }
    }

    @Test
    void statisticsAndSessionsShowAPlayingClientAndItsBitrate() throws Exception {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-rtsp_transport", "tcp", "-i", Endpoints.RTSP + "long.mp4", "-f", "null", "-")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            JsonObject stats = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                stats = object(VIEWER.get("/api/stats"));
                // The first seconds of a stream may be slower than its nominal 364 kbit/s.
                if (stats.getInt("sessions") >= 1 && stats.getJsonNumber("bitsPerSecond").longValue() > 50_000
                        && stats.getJsonArray("topFiles").toString().contains("long.mp4")) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertNotNull(stats);
            assertTrue(stats.getJsonNumber("bitsPerSecond").longValue() > 50_000, stats.toString());
            assertTrue(stats.getJsonNumber("packetsPerSecond").longValue() > 0, stats.toString());
            assertTrue(stats.getJsonObject("sessionsByTransport").getInt("tcp", 0) >= 1, stats.toString());
            assertTrue(stats.getInt("connections") >= 1, stats.toString());
            double cpu = stats.getJsonNumber("processCpuLoad").doubleValue();
            assertTrue(cpu >= 0 && cpu <= 1, stats.toString());
            JsonObject top = stats.getJsonArray("topFiles").getJsonObject(0);
            assertEquals("long.mp4", top.getString("path"), stats.toString());

            JsonObject session = array(VIEWER.get("/api/sessions")).getValuesAs(JsonObject.class).stream()
                    .filter(s -> s.getString("path").equals("long.mp4")).findFirst().orElseThrow();
            assertEquals(JsonValue.NULL, session.get("userName"), "ffmpeg gave no credentials");
            assertTrue(session.getJsonNumber("bitsPerSecond").longValue() > 50_000, session.toString());
            assertEquals("tcp", session.getString("transport"));

            JsonArray history = array(VIEWER.get("/api/stats/history"));
            assertTrue(history.size() >= 2, "a sample every 5 s: " + history);
            String first = history.getJsonObject(0).getString("time");
            String last = history.getJsonObject(history.size() - 1).getString("time");
            assertTrue(first.compareTo(last) < 0, "oldest first");
            assertEquals(401, ConsoleApi.anonymous().get("/api/stats").statusCode());
        } finally {
            ffmpeg.destroy();
            ffmpeg.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSessionShowsTheUserItLoggedInAs() throws Exception {
        ConsoleApiIT.mediaFolder("it-data-user");
        ConsoleApi admin = ConsoleApi.admin();
        assertEquals(201, admin.postJson("/api/users", "{\"name\":\"it-data-erin\",\"password\":\"erin pw 1\"}")
                .statusCode());
        HttpResponse<String> rule = admin.postJson("/api/rules", "{\"path\":\"it-data-user\",\"scheme\":\"basic\","
                + "\"read\":{\"audience\":\"listed\",\"users\":[\"it-data-erin\"]}}");
        assertEquals(201, rule.statusCode(), rule.body());
        String url = Endpoints.RTSP + "it-data-user/sample.mp4";
        try (RtspTestClient client = new RtspTestClient(); java.net.DatagramSocket rtp = new java.net.DatagramSocket(0)) {
            int port = rtp.getLocalPort();
            RtspTestClient.Response setup = client.request("SETUP", url + "/trackID=1", 1,
                    "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1),
                    "Authorization: " + ConsoleApi.basic("it-data-erin", "erin pw 1"));
            assertEquals(200, setup.status(), setup.reason());
            String id = setup.header("Session").split(";")[0];
            JsonObject session = array(VIEWER.get("/api/sessions")).getValuesAs(JsonObject.class).stream()
                    .filter(s -> s.getString("id").equals(id)).findFirst().orElseThrow();
            assertEquals("it-data-erin", session.getString("userName"));
            assertEquals("it-data-user/sample.mp4", session.getString("path"));
            assertEquals(0, session.getJsonNumber("bitsPerSecond").longValue(), "set up, not playing");
            client.request("TEARDOWN", url, 2, "Session: " + id,
                    "Authorization: " + ConsoleApi.basic("it-data-erin", "erin pw 1"));
        } finally {
            admin.delete("/api/rules/" + object(rule).getJsonNumber("id").longValue());
            admin.delete("/api/users/it-data-erin");
        }
    }

    @Test
    void theErrorLogTailIsFilteredByLevel() throws Exception {
        String marker = "no-such-clip-" + UUID.randomUUID() + ".mp4";
        assertEquals(404, ConsoleApiIT.describe(marker, null));
        JsonArray all = array(VIEWER.get("/api/logs/errors?lines=200&level=info"));
        JsonObject line = all.getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("message").contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("the 404 of " + marker + " is not in " + all));
        assertEquals("INFO", line.getString("level"));
        assertTrue(line.getString("time").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), line.toString());
        assertTrue(line.getString("message").contains("answering 404"), line.toString());

        JsonArray warnings = array(VIEWER.get("/api/logs/errors?lines=5000&level=warning"));
        assertTrue(warnings.getValuesAs(JsonObject.class).stream()
                .allMatch(l -> Set.of("WARN", "ERROR", "FATAL").contains(l.getString("level"))), warnings.toString());
        assertFalse(warnings.toString().contains(marker));
        assertTrue(array(VIEWER.get("/api/logs/errors?lines=1")).size() <= 1);

        for (String bad : new String[] {"lines=0", "lines=5001", "lines=many", "level=LOUD"}) {
            HttpResponse<String> refused = VIEWER.get("/api/logs/errors?" + bad);
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
            assertEquals(400, object(refused).getInt("status"));
        }
        assertEquals(401, ConsoleApi.anonymous().get("/api/logs/errors").statusCode());
    }

    @Test
    void unknownPathsAndMethodsGetJsonErrors() throws Exception {
        HttpResponse<String> unknown = VIEWER.get("/api/no-such-resource");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals(404, object(unknown).getInt("status"));
        HttpResponse<String> method = VIEWER.delete("/api/stats");
        assertEquals(405, method.statusCode(), method.body());
        assertEquals(405, object(method).getInt("status"));
        HttpResponse<String> viewerEnds = VIEWER.delete("/api/sessions/NO-SUCH-SESSION");
        assertEquals(403, viewerEnds.statusCode(), "ending sessions is for operators");
        HttpResponse<String> gone = ConsoleApiIT.OPERATOR.delete("/api/sessions/NO-SUCH-SESSION");
        assertEquals(404, gone.statusCode(), gone.body());
    }

    @Test
    void theServerServesAnOpenApiDocumentDescribingTheWholeApi() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Endpoints.HTTP_PORT + "/openapi"))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject document = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("Tributary API", document.getJsonObject("info").getString("title"));
        // Paths carry the web module's context root (WildFly lists every deployment's API in one document).
        Set<String> paths = document.getJsonObject("paths").keySet();
        for (String path : List.of("/api/status", "/api/stats", "/api/stats/history", "/api/media", "/api/media/{path}",
                "/api/settings", "/api/logs/errors", "/api/logs/sessions", "/api/sessions", "/api/sessions/{id}",
                "/api/users", "/api/groups", "/api/rules", "/api/broadcasters", "/api/console-accounts")) {
            assertTrue(paths.contains("/tributary" + path), path + " is not described: " + paths);
        }
        JsonObject put = document.getJsonObject("paths").getJsonObject("/tributary/api/settings").getJsonObject("put");
        assertTrue(put.getJsonObject("responses").containsKey("400"), put.toString());
        assertTrue(document.getJsonObject("components").getJsonObject("securitySchemes").containsKey("console"));
    }
}
