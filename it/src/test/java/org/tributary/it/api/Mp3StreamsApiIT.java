package org.tributary.it.api;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.ejb.logs.AccessLog;
import org.tributary.ejb.logs.W3cLogParser;
import org.tributary.ejb.users.UserService;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.Tools;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MP3-over-HTTP listeners in the console API: while curl downloads a protected MP3, {@code /api/sessions}
 * lists it (transport HTTP, user, path, player, bitrate), {@code /api/stats} counts its bytes, and
 * {@code DELETE /api/sessions/{id}} ends the download early with an access-log line counting exactly what
 * curl received. The bandwidth limit and {@code mp3MaxStreams}, changed live through {@code PUT
 * /api/settings}, refuse new listeners with 503. Every test puts the run's settings back.
 */
@ExtendWith(ArquillianExtension.class)
class Mp3StreamsApiIT {

    static final String FOLDER = "it-mp3-api";
    static final String FILE = FOLDER + "/long.mp3";
    static final String USER = "it-mp3-api-listener";
    static final String PASSWORD = "api pass 1";
    static final String PLAYER = "it-radio-player/2.1";
    static final ConsoleApi ADMIN = ConsoleApi.admin();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(Mp3StreamsApiIT.class, Tools.class);
    }

    @EJB
    UserService users;

    @EJB
    AccessService access;

    @EJB
    AccessLog accessLog;

    static Path root() {
        return Path.of(System.getProperty("tributary.media.root"));
    }

    @BeforeEach
    void aLongProtectedFile() throws Exception {
        Path file = root().resolve(FILE);
        if (!Files.exists(file)) {
            // 60 s of the 10 s sample, so a download lasts long enough to be watched and ended.
            Files.createDirectories(file.getParent());
            Tools.Result made = Tools.run(60, "ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-stream_loop", "5",
                    "-i", root().resolve("sample.mp3").toString(), "-c", "copy", file.toString());
            assertEquals(0, made.exitCode(), made.stderr());
        }
        users.putUser(USER, null, PASSWORD);
        users.putGroup("it-mp3-api-listeners", List.of(USER));
        access.putRule(new RuleSpec(FOLDER, null, null, Permission.listed(List.of(), List.of("it-mp3-api-listeners")),
                null, null, null, "IT"));
    }

    @AfterEach
    void backToTheRunsSettings() throws Exception {
        HttpResponse<String> reset = ADMIN.delete("/api/settings");
        assertEquals(200, reset.statusCode(), reset.body());
        access.removeRule(FOLDER);
        users.removeGroup("it-mp3-api-listeners");
        users.removeUser(USER);
    }

    static String url() {
        return "http://127.0.0.1:" + Endpoints.RTSP_PORT + "/" + FILE;
    }

    /** curl downloading the file in the background, into {@code body}. */
    static Process download(Path body) throws Exception {
        return new ProcessBuilder("curl", "-s", "--user", USER + ":" + PASSWORD, "-A", PLAYER, "-o", body.toString(),
                url()).redirectErrorStream(true).start();
    }

    /** curl's answer to a request made while the server should refuse: status line and body. */
    static String[] refused() throws Exception {
        Path dir = Files.createTempDirectory("curl");
        Tools.Result r = Tools.run(30, "curl", "-s", "--user", USER + ":" + PASSWORD, "-o", dir.resolve("b").toString(),
                "-w", "%{http_code}", url());
        return new String[] {r.stdout().trim(), Files.exists(dir.resolve("b")) ? Files.readString(dir.resolve("b")) : ""};
    }

    static JsonArray sessions() throws Exception {
        HttpResponse<String> response = ADMIN.get("/api/sessions");
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The listed HTTP stream of the file once its rate is known, or null after 10 s. */
    static JsonObject awaitListed() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (JsonObject s : sessions().getValuesAs(JsonObject.class)) {
                if ("HTTP".equals(s.getString("transport")) && FILE.equals(s.getString("path"))
                        && s.getJsonNumber("bitsPerSecond").longValue() > 0) {
                    return s;
                }
            }
            Thread.sleep(250);
        }
        return null;
    }

    @Test
    void aListenerIsListedCountedAndEndedByAnOperator() throws Exception {
        long fileSize = Files.size(root().resolve(FILE));
        Path body = Files.createTempFile("mp3", ".body");
        Process curl = download(body);
        try {
            JsonObject session = awaitListed();
            assertNotNull(session, "the HTTP stream is listed with a rate: " + sessions());
            assertEquals(USER, session.getString("userName"));
            assertEquals(PLAYER, session.getString("userAgent"));
            assertEquals("127.0.0.1", session.getString("clientAddress"));
            assertEquals("PLAYING", session.getString("state"));
            assertTrue(session.getJsonNumber("bytesSent").longValue() > 0, session.toString());
            // The first second holds the burst; once it is past, the rate is the file's 128 kbit/s.
            long bps = awaitPacedRate(session.getString("id"));
            assertTrue(bps > 64_000 && bps < 256_000, "about the file's 128 kbit/s after the burst: " + bps);
            assertTrue(Instant.parse(session.getString("startedAt")).isAfter(Instant.now().minusSeconds(60)));

            // The next statistics sample (every 5 s) counts the stream and its bytes.
            JsonObject stats = awaitStats();
            assertNotNull(stats, "a statistics sample with the HTTP stream");
            assertTrue(stats.getJsonNumber("bitsPerSecond").longValue() > 50_000, stats.toString());
            assertTrue(stats.getJsonArray("topFiles").getValuesAs(JsonObject.class).stream()
                    .anyMatch(f -> FILE.equals(f.getString("path"))), stats.toString());

            String id = session.getString("id");
            HttpResponse<String> ended = ADMIN.delete("/api/sessions/" + id);
            assertEquals(204, ended.statusCode(), ended.body());
            assertTrue(curl.waitFor(10, TimeUnit.SECONDS), "curl's download ends when the session is ended");
            long received = Files.size(body);
            assertTrue(received < fileSize / 2, "ended early: " + received + " of " + fileSize + " bytes");
            assertTrue(sessions().getValuesAs(JsonObject.class).stream().noneMatch(s -> id.equals(s.getString("id"))),
                    "no longer listed");
            assertEquals(404, ADMIN.delete("/api/sessions/" + id).statusCode(), "gone");

            W3cLogParser.Entry line = awaitLogLine(received);
            assertNotNull(line, "one access-log line with the bytes curl received (" + received + ")");
            assertEquals(USER, line.get("c-username"));
            assertEquals("500", line.get("c-status"), "ended by the server, as for RTSP sessions");
        } finally {
            curl.destroy();
        }
    }

    /** The session's rate once it is no longer the burst's (within 8 s), else the last one seen. */
    static long awaitPacedRate(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        long bps = -1;
        while (System.nanoTime() < deadline) {
            for (JsonObject s : sessions().getValuesAs(JsonObject.class)) {
                if (id.equals(s.getString("id"))) {
                    bps = s.getJsonNumber("bitsPerSecond").longValue();
                }
            }
            if (bps > 0 && bps < 256_000) {
                return bps;
            }
            Thread.sleep(250);
        }
        return bps;
    }

    /** The newest statistics sample once it shows the HTTP stream, or null after 12 s. */
    static JsonObject awaitStats() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
        while (System.nanoTime() < deadline) {
            JsonObject stats = json(ADMIN.get("/api/stats"));
            JsonObject byTransport = stats.getJsonObject("sessionsByTransport");
            if (byTransport.containsKey("HTTP") && byTransport.getInt("HTTP") >= 1
                    && stats.getJsonNumber("bitsPerSecond").longValue() > 0) {
                return stats;
            }
            Thread.sleep(500);
        }
        return null;
    }

    W3cLogParser.Entry awaitLogLine(long bytes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (W3cLogParser.Entry e : W3cLogParser.parse(accessLog.path()).entries()) {
                if ("HTTP".equals(e.get("protocol")) && ("/" + FILE).equals(e.get("cs-uri-stem"))
                        && Long.toString(bytes).equals(e.get("sc-bytes"))) {
                    return e;
                }
            }
            Thread.sleep(200);
        }
        return null;
    }

    @Test
    void limitsChangedLiveRefuseNewListenersWith503() throws Exception {
        JsonObject settings = json(ADMIN.get("/api/settings")).getJsonObject("settings");
        assertEquals(1000, settings.getInt("mp3MaxStreams"));
        assertEquals(3, settings.getInt("mp3BurstSeconds"));
        assertEquals(16000, settings.getInt("mp3IcyMetaint"));
        assertEquals(60, settings.getInt("mp3StallSeconds"));
        HttpResponse<String> bad = ADMIN.putJson("/api/settings", "{\"mp3IcyMetaint\": 10, \"mp3StallSeconds\": 0}");
        assertEquals(400, bad.statusCode(), bad.body());
        JsonObject fields = json(bad).getJsonObject("fields");
        assertEquals(java.util.Set.of("mp3IcyMetaint", "mp3StallSeconds"), fields.keySet(), fields.toString());

        HttpResponse<String> tiny = ADMIN.putJson("/api/settings", "{\"maxBandwidthKbps\": 1}");
        assertEquals(200, tiny.statusCode(), tiny.body());
        String[] noBandwidth = refused();
        assertEquals("503", noBandwidth[0]);
        assertTrue(noBandwidth[1].startsWith("{\"status\":503,\"error\":\"not enough bandwidth: ")
                && noBandwidth[1].contains("the limit is 1 kbit/s"), noBandwidth[1]);
        assertEquals(200, ADMIN.putJson("/api/settings", "{\"maxBandwidthKbps\": 0}").statusCode());

        HttpResponse<String> one = ADMIN.putJson("/api/settings", "{\"mp3MaxStreams\": 1}");
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(json(one).getJsonArray("appliedLive").getValuesAs(jakarta.json.JsonString::getString)
                .contains("mp3MaxStreams"), one.body());
        Path body = Files.createTempFile("mp3", ".body");
        Process first = download(body);
        try {
            JsonObject listed = awaitListed();
            assertNotNull(listed, "the first stream plays");
            String[] second = refused();
            assertEquals("503", second[0]);
            assertTrue(second[1].contains("the limit of 1 MP3 streams is reached (mp3MaxStreams)"), second[1]);
            assertEquals(204, ADMIN.delete("/api/sessions/" + listed.getString("id")).statusCode());
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
        } finally {
            first.destroy();
        }
    }
}
