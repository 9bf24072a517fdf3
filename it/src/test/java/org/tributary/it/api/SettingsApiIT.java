package org.tributary.it.api;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.it.api.ConsoleApiIT.ADMIN;
import static org.tributary.it.api.ConsoleApiIT.OPERATOR;
import static org.tributary.it.api.ConsoleApiIT.VIEWER;
import static org.tributary.it.api.ConsoleApiIT.object;

/**
 * {@code /api/settings}: validation with a message per field, roles, and every live setting seen in effect
 * on the RTSP wire. Each test puts the run's defaults back (DELETE /api/settings), so the suite's other
 * tests, which share this server, see the settings they expect.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void accounts() throws Exception {
        ConsoleApiIT.consoleAccounts();
    }

    @AfterEach
    void backToTheRunsDefaults() throws Exception {
        HttpResponse<String> reset = ADMIN.delete("/api/settings");
        assertEquals(200, reset.statusCode(), reset.body());
        JsonObject now = object(ADMIN.get("/api/settings"));
        assertEquals(now.getJsonObject("defaults"), now.getJsonObject("settings"));
        assertEquals(0, now.getJsonArray("stored").size(), now.toString());
    }

    private static HttpResponse<String> put(String json) throws Exception {
        return ADMIN.putJson("/api/settings", json);
    }

    private static JsonObject saved(String json) throws Exception {
        HttpResponse<String> response = put(json);
        assertEquals(200, response.statusCode(), response.body());
        return object(response);
    }

    private static Set<String> names(JsonObject result, String member) {
        return Set.copyOf(result.getJsonArray(member).getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    void viewersReadTheSettingsInForceWhichAreTheRunsProperties() throws Exception {
        HttpResponse<String> response = VIEWER.get("/api/settings");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject settings = object(response).getJsonObject("settings");
        assertEquals(Endpoints.RTSP_PORT, settings.getInt("rtspPort"));
        assertEquals(Endpoints.TUNNEL_PORT, settings.getInt("httpTunnelPort"));
        assertEquals(8, settings.getInt("sessionTimeoutSeconds"), "-Dtributary.session.timeout-seconds=8");
        assertEquals(30, settings.getInt("accessCacheSeconds"));
        assertEquals(0, settings.getInt("maxBandwidthKbps"));
        assertEquals(Path.of(System.getProperty("it.media.dir")).toAbsolutePath().normalize().toString(),
                settings.getString("mediaRoot"));
        assertEquals("digest basic", settings.getString("authSchemes"));
    }

    @Test
    void onlyAdminsChangeSettingsAndStrangersAreAskedToLogIn() throws Exception {
        HttpResponse<String> anonymous = ConsoleApi.anonymous().get("/api/settings");
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        for (ConsoleApi notAdmin : new ConsoleApi[] {VIEWER, OPERATOR}) {
            HttpResponse<String> refused = notAdmin.putJson("/api/settings", "{\"maxSessions\": 5}");
            assertEquals(403, refused.statusCode(), refused.body());
            assertEquals(403, object(refused).getInt("status"));
            assertEquals(403, notAdmin.delete("/api/settings").statusCode());
        }
        assertEquals(10000, object(ADMIN.get("/api/settings")).getJsonObject("settings").getInt("maxSessions"),
                "nothing changed");
    }

    @Test
    void everyBadFieldIsNamedWithItsOwnMessage() throws Exception {
        HttpResponse<String> response = put("{\"rtspBindAddress\": \"not-an-address\", \"rtpPort\": 7001, "
                + "\"httpTunnelPort\": " + Endpoints.RTSP_PORT + ", \"mediaRoot\": \"/no/such/folder\", "
                + "\"maxConnections\": 0, \"maxSessions\": \"many\", \"maxBandwidthKbps\": -1, "
                + "\"sessionTimeoutSeconds\": 1, \"authSchemes\": \"ntlm\", \"accessCacheSeconds\": 1.5, \"color\": \"red\"}");
        assertEquals(400, response.statusCode(), response.body());
        JsonObject body = object(response);
        assertEquals(400, body.getInt("status"));
        JsonObject fields = body.getJsonObject("fields");
        assertNotNull(fields, body.toString());
        // Type errors (a string or a fraction where a number belongs, an unknown field) are found first...
        assertEquals(Set.of("maxSessions", "accessCacheSeconds", "color"), fields.keySet(), fields.toString());
        assertTrue(fields.getString("maxSessions").contains("whole number"));
        // ...then every value is checked.
        JsonObject values = object(put("{\"rtspBindAddress\": \"not-an-address\", \"rtpPort\": 7001, "
                + "\"httpTunnelPort\": " + Endpoints.RTSP_PORT + ", \"mediaRoot\": \"/no/such/folder\", "
                + "\"maxConnections\": 0, \"maxBandwidthKbps\": -1, \"sessionTimeoutSeconds\": 1, \"authSchemes\": \"ntlm\"}"))
                .getJsonObject("fields");
        assertEquals(Set.of("rtspBindAddress", "rtpPort", "httpTunnelPort", "mediaRoot", "maxConnections",
                "maxBandwidthKbps", "sessionTimeoutSeconds", "authSchemes"), values.keySet(), values.toString());
        assertTrue(values.getString("rtpPort").contains("even"), values.toString());
        assertTrue(values.getString("mediaRoot").contains("/no/such/folder"), values.toString());
        assertTrue(values.getString("httpTunnelPort").contains("differ"), values.toString());
        assertEquals(0, object(ADMIN.get("/api/settings")).getJsonArray("stored").size(), "nothing was stored");
    }

    @Test
    void aPortInUseIsRefusedAndNothingChanges() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            JsonObject fields = object(put("{\"rtspPort\": " + taken.getLocalPort() + ", \"maxSessions\": 3}"))
                    .getJsonObject("fields");
            assertTrue(fields.getString("rtspPort").contains("not free"), fields.toString());
        }
        assertEquals(10000, object(ADMIN.get("/api/settings")).getJsonObject("settings").getInt("maxSessions"));
    }

    @Test
    void wrongMediaTypeMethodAndBodyGetJsonErrors() throws Exception {
        HttpResponse<String> text = ADMIN.send(ADMIN.request("/api/settings").header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("maxSessions=5")));
        assertEquals(415, text.statusCode(), text.body());
        assertEquals(415, object(text).getInt("status"));
        HttpResponse<String> post = ADMIN.postJson("/api/settings", "{}");
        assertEquals(405, post.statusCode(), post.body());
        assertEquals(405, object(post).getInt("status"));
        HttpResponse<String> notJson = put("[1, 2]");
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertTrue(object(notJson).getString("error").contains("JSON object"));
    }

    @Test
    void maxConnectionsRefusesTheNextConnectionWith503AndRaisingItAdmitsAgain() throws Exception {
        JsonObject result = saved("{\"maxConnections\": 1}");
        assertEquals(Set.of("maxConnections"), names(result, "appliedLive"));
        assertEquals(Set.of(), names(result, "needRestart"));
        try (RtspTestClient first = new RtspTestClient()) {
            assertEquals(200, first.request("OPTIONS", Endpoints.RTSP, 1).status());
            try (RtspTestClient second = new RtspTestClient()) {
                RtspTestClient.Response busy = second.readResponse();
                assertEquals(503, busy.status());
            }
            assertEquals(Set.of("maxConnections"), names(saved("{\"maxConnections\": 5000}"), "appliedLive"));
            try (RtspTestClient third = new RtspTestClient()) {
                assertEquals(200, third.request("OPTIONS", Endpoints.RTSP, 1).status());
            }
            assertEquals(200, first.request("OPTIONS", Endpoints.RTSP, 2).status(), "the first connection stayed");
        }
    }

    @Test
    void theIdleTimeoutChangesLiveForAConnectionAlreadyOpen() throws Exception {
        // An address of its own, so that no other test's idle line (logged once a minute per address) hides ours.
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.7"), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", Endpoints.RTSP_PORT), 10_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[4096];
            int n = socket.getInputStream().read(answer);
            assertTrue(new String(answer, 0, Math.max(n, 0), StandardCharsets.US_ASCII).startsWith("RTSP/1.0 200"));
            assertEquals(Set.of("rtspIdleTimeoutSeconds"), names(saved("{\"rtspIdleTimeoutSeconds\": 1}"),
                    "appliedLive"));
            assertEquals(-1, socket.getInputStream().read(answer), "the server closes the idle connection");
        }
        String log = Files.readString(Path.of(System.getProperty("it.log.dir", "target/server-log"), "server.log"),
                StandardCharsets.ISO_8859_1);
        assertTrue(log.contains("idle for 1 s without a session (tributary.rtsp.idle-timeout-seconds); closing"),
                "closed by the new timeout, not the run's");
    }

    @Test
    void aNewSessionTimeoutIsAnnouncedInTheSessionHeader() throws Exception {
        assertEquals(Set.of("sessionTimeoutSeconds"), names(saved("{\"sessionTimeoutSeconds\": 45}"), "appliedLive"));
        assertEquals("45", timeoutOfANewSession());
        saved("{\"sessionTimeoutSeconds\": 8}");
        assertEquals("8", timeoutOfANewSession());
    }

    private static String timeoutOfANewSession() throws Exception {
        try (RtspTestClient client = new RtspTestClient(); DatagramSocket rtp = new DatagramSocket(0)) {
            int port = rtp.getLocalPort();
            RtspTestClient.Response setup = client.request("SETUP", Endpoints.RTSP + "sample.mp3", 1,
                    "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
            assertEquals(200, setup.status(), setup.reason());
            String session = setup.header("Session");
            client.request("TEARDOWN", Endpoints.RTSP + "sample.mp3", 2, "Session: " + session.split(";")[0]);
            return session.substring(session.indexOf("timeout=") + 8);
        }
    }

    @Test
    void aTinyBandwidthLimitAnswersNewStreams453() throws Exception {
        assertEquals(Set.of("maxBandwidthKbps"), names(saved("{\"maxBandwidthKbps\": 1}"), "appliedLive"));
        try (RtspTestClient client = new RtspTestClient(); DatagramSocket rtp = new DatagramSocket(0)) {
            int port = rtp.getLocalPort();
            String transport = "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1);
            assertEquals(200, client.request("DESCRIBE", Endpoints.RTSP + "sample.mp3", 1).status());
            RtspTestClient.Response refused = client.request("SETUP", Endpoints.RTSP + "sample.mp3", 2, transport);
            assertEquals(453, refused.status());
            saved("{\"maxBandwidthKbps\": 0}");
            RtspTestClient.Response setup = client.request("SETUP", Endpoints.RTSP + "sample.mp3", 3, transport);
            assertEquals(200, setup.status());
            String session = setup.header("Session").split(";")[0];
            // A limit set while a session is set up stops its PLAY, not the session itself.
            saved("{\"maxBandwidthKbps\": 1}");
            assertEquals(453, client.request("PLAY", Endpoints.RTSP + "sample.mp3", 4, "Session: " + session).status());
            saved("{\"maxBandwidthKbps\": 100000}");
            assertEquals(200, client.request("PLAY", Endpoints.RTSP + "sample.mp3", 5, "Session: " + session).status());
            client.request("TEARDOWN", Endpoints.RTSP + "sample.mp3", 6, "Session: " + session);
        }
    }

    @Test
    void theMediaFolderMovesLiveAndAMissingOneIsAFieldError() throws Exception {
        Path root = Path.of(System.getProperty("it.media.dir"));
        Path other = Files.createDirectories(root.getParent().resolve("media-settings-it"));
        Files.copy(root.resolve("sample.mp3"), other.resolve("only-here.mp3"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(404, ConsoleApiIT.describe("only-here.mp3", null));
        JsonObject result = saved("{\"mediaRoot\": \"" + other + "\"}");
        assertEquals(Set.of("mediaRoot"), names(result, "appliedLive"));
        assertEquals(200, ConsoleApiIT.describe("only-here.mp3", null));
        assertEquals(404, ConsoleApiIT.describe("sample.mp4", null), "the old folder is no longer served");
        JsonObject stored = object(ADMIN.get("/api/settings"));
        assertEquals(Set.of("mediaRoot"), names(stored, "stored"));
        String missing = other.resolve("gone").toString();
        JsonObject fields = object(put("{\"mediaRoot\": \"" + missing + "\"}")).getJsonObject("fields");
        assertTrue(fields.getString("mediaRoot").contains("no such folder"), fields.toString());
    }

    @Test
    void theDefaultAuthenticationSchemesChangeTheChallengesAtOnce() throws Exception {
        ConsoleApiIT.mediaFolder("it-settings-auth");
        HttpResponse<String> rule = ADMIN.postJson("/api/rules", "{\"path\":\"it-settings-auth\","
                + "\"read\":{\"audience\":\"any-user\"}}");
        assertEquals(201, rule.statusCode(), rule.body());
        try {
            assertEquals(Set.of("Digest", "Basic"), challengeSchemes());
            assertEquals(Set.of("authSchemes"), names(saved("{\"authSchemes\": \"Basic\"}"), "appliedLive"));
            assertEquals("basic", object(ADMIN.get("/api/settings")).getJsonObject("settings").getString("authSchemes"));
            assertEquals(Set.of("Basic"), challengeSchemes());
        } finally {
            ADMIN.delete("/api/rules/" + object(rule).getJsonNumber("id").longValue());
        }
    }

    /** The schemes of the 401's WWW-Authenticate challenges for the protected folder. */
    private static Set<String> challengeSchemes() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            RtspTestClient.Response refused = client.request("DESCRIBE", Endpoints.RTSP + "it-settings-auth/sample.mp4", 1);
            assertEquals(401, refused.status());
            return java.util.Arrays.stream(refused.header("WWW-Authenticate").split("\n"))
                    .map(c -> c.split(" ")[0]).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void theRtspPortIsReboundLiveWhileOpenConnectionsStay() throws Exception {
        int newPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            newPort = probe.getLocalPort();
        }
        try (RtspTestClient before = new RtspTestClient()) {
            assertEquals(200, before.request("OPTIONS", Endpoints.RTSP, 1).status());
            JsonObject result = saved("{\"rtspPort\": " + newPort + "}");
            assertEquals(Set.of("rtspPort"), names(result, "appliedLive"));
            assertEquals(newPort, object(ADMIN.get("/api/status")).getInt("rtspPort"));
            try (RtspTestClient moved = new RtspTestClient(RtspTestClient.HOST, newPort)) {
                assertEquals(200, moved.request("OPTIONS", "rtsp://127.0.0.1:" + newPort + "/", 1).status());
            }
            assertEquals(200, before.request("OPTIONS", Endpoints.RTSP, 2).status(), "open connections stay");
            assertThrowsConnect(Endpoints.RTSP_PORT);
        }
        // The @AfterEach reset moves it back; the rest of the suite connects to the usual port.
    }

    @Test
    void theTunnelPortMovesTurnsOffAndComesBackLive() throws Exception {
        int newPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            newPort = probe.getLocalPort();
        }
        try (RtspTestClient open = new RtspTestClient(RtspTestClient.HOST, Endpoints.TUNNEL_PORT)) {
            assertEquals(200, open.request("OPTIONS", "*", 1).status());
            assertEquals(Set.of("httpTunnelPort"), names(saved("{\"httpTunnelPort\": " + newPort + "}"), "appliedLive"));
            assertThrowsConnect(Endpoints.TUNNEL_PORT);
            try (RtspTestClient moved = new RtspTestClient(RtspTestClient.HOST, newPort)) {
                assertEquals(200, moved.request("OPTIONS", "*", 1).status());
            }
            assertEquals(Set.of("httpTunnelPort"), names(saved("{\"httpTunnelPort\": 0}"), "appliedLive"));
            assertThrowsConnect(newPort);
            assertEquals(200, open.request("OPTIONS", "*", 2).status(), "a connection made before stays");
        }
        saved("{\"httpTunnelPort\": " + Endpoints.TUNNEL_PORT + "}");
        try (RtspTestClient back = new RtspTestClient(RtspTestClient.HOST, Endpoints.TUNNEL_PORT)) {
            assertEquals(200, back.request("OPTIONS", "*", 1).status());
        }
    }

    private static void assertThrowsConnect(int port) {
        try (RtspTestClient refused = new RtspTestClient(RtspTestClient.HOST, port)) {
            throw new AssertionError("port " + port + " still accepts connections");
        } catch (java.io.IOException expected) {
            // connection refused: nobody listens there any more
        }
    }

    @Test
    void theRtpPortAndBindAddressWaitForARestart() throws Exception {
        int rtpPort;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            rtpPort = probe.getLocalPort() & ~1;
        }
        JsonObject result = saved("{\"rtpPort\": " + rtpPort + ", \"rtspBindAddress\": \"0.0.0.0\", \"maxSessions\": 77}");
        assertEquals(Set.of("rtpPort", "rtspBindAddress"), names(result, "needRestart"));
        assertEquals(Set.of("maxSessions"), names(result, "appliedLive"));
        JsonObject now = object(ADMIN.get("/api/settings"));
        assertEquals(rtpPort, now.getJsonObject("settings").getInt("rtpPort"));
        assertEquals(Set.of("rtpPort", "rtspBindAddress"), names(now, "pendingRestart"));
        assertEquals(Set.of("rtpPort", "rtspBindAddress", "maxSessions"), names(now, "stored"));
        try (RtspTestClient client = new RtspTestClient(); DatagramSocket rtp = new DatagramSocket(0)) {
            int port = rtp.getLocalPort();
            RtspTestClient.Response setup = client.request("SETUP", Endpoints.RTSP + "sample.mp3", 1,
                    "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
            assertTrue(setup.header("Transport").contains("server_port=" + Integer.getInteger("it.rtp.port", 6970)),
                    "RTP still leaves from the running port pair: " + setup.header("Transport"));
            client.request("TEARDOWN", Endpoints.RTSP + "sample.mp3", 2, "Session: " + setup.header("Session").split(";")[0]);
        }
    }
}
