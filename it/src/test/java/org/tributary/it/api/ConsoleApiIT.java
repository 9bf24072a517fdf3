package org.tributary.it.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.api.access.DigestMath;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;

import java.io.StringReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secured JSON API from outside: console logins (Basic through Jakarta Security), the roles, status
 * codes and error bodies, and changes made through the API taking effect on the RTSP wire.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleApiIT {

    static final ConsoleApi ADMIN = ConsoleApi.admin();
    static final ConsoleApi VIEWER = new ConsoleApi("it-console-viewer", "viewer-pw-123");
    static final ConsoleApi OPERATOR = new ConsoleApi("it-console-operator", "operator-pw-123");
    static final String REALM = "Streaming Server";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void consoleAccounts() throws Exception {
        for (String[] account : new String[][] {{"it-console-viewer", "viewer", "viewer-pw-123"},
                {"it-console-operator", "operator", "operator-pw-123"}}) {
            HttpResponse<String> created = ADMIN.postJson("/api/console-accounts",
                    "{\"name\":\"" + account[0] + "\",\"role\":\"" + account[1] + "\",\"password\":\"" + account[2] + "\"}");
            assertTrue(created.statusCode() == 201 || created.statusCode() == 409, created.body());
        }
    }

    static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    static Path mediaFolder(String folder) throws Exception {
        Path root = Path.of(System.getProperty("it.media.dir"));
        Files.createDirectories(root.resolve(folder));
        Files.copy(root.resolve("sample.mp4"), root.resolve(folder).resolve("sample.mp4"), StandardCopyOption.REPLACE_EXISTING);
        return root.resolve(folder);
    }

    static int describe(String path, String authorization) throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            return authorization == null ? client.request("DESCRIBE", Endpoints.RTSP + path, 1).status()
                    : client.request("DESCRIBE", Endpoints.RTSP + path, 1, "Authorization: " + authorization).status();
        }
    }

    @Test
    void withoutOrWithWrongCredentialsTheApiAnswers401WithABasicChallenge() throws Exception {
        for (ConsoleApi who : new ConsoleApi[] {ConsoleApi.anonymous(), new ConsoleApi(ConsoleApi.ADMIN, "not-the-password")}) {
            for (String path : new String[] {"/api/users", "/api/sessions", "/api/logs/sessions", "/api/me"}) {
                HttpResponse<String> response = who.get(path);
                assertEquals(401, response.statusCode(), path);
                String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
                assertTrue(challenge.startsWith("Basic") && challenge.contains("Tributary console"), challenge);
            }
        }
        assertEquals(401, ConsoleApi.anonymous().postJson("/api/users", "{\"name\":\"x\",\"password\":\"y\"}").statusCode());
        assertEquals(200, ConsoleApi.anonymous().get("/api/status").statusCode(), "the status summary stays public");
    }

    @Test
    void theConfiguredFirstRunAdminLogsIn() throws Exception {
        HttpResponse<String> me = ADMIN.get("/api/me");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("admin", object(me).getString("name"));
        assertEquals(3, object(me).getJsonArray("roles").size(), me.body());
        Path log = Path.of(System.getProperty("it.log.dir"), "server.log");
        String text = Files.readString(log);
        assertTrue(text.contains("Created the console admin account 'admin' with the password from -Dtributary.admin.password"));
        assertFalse(text.contains("FIRST RUN"), "no random password when one is configured");
        assertFalse(text.contains("password: " + ConsoleApi.ADMIN_PASSWORD), "the configured password is never logged");
        HttpResponse<String> accounts = ADMIN.get("/api/console-accounts");
        assertFalse(accounts.body().contains("pbkdf2") || accounts.body().contains(ConsoleApi.ADMIN_PASSWORD), accounts.body());
    }

    @Test
    void aViewerReadsButMayNotChangeAnything() throws Exception {
        assertEquals(200, VIEWER.get("/api/users").statusCode());
        assertEquals(200, VIEWER.get("/api/rules").statusCode());
        assertEquals(200, VIEWER.get("/api/sessions").statusCode());
        assertEquals(200, VIEWER.get("/api/logs/sessions").statusCode());
        assertEquals("[\"viewer\"]", object(VIEWER.get("/api/me")).getJsonArray("roles").toString());
        HttpResponse<String> create = VIEWER.postJson("/api/users", "{\"name\":\"it-api-nope\",\"password\":\"pw\"}");
        assertEquals(403, create.statusCode(), create.body());
        assertEquals(403, object(create).getInt("status"));
        assertEquals(403, VIEWER.delete("/api/sessions/12345").statusCode());
        assertEquals(403, VIEWER.get("/api/console-accounts").statusCode());
        assertEquals(403, OPERATOR.postJson("/api/rules", "{\"path\":\"x\"}").statusCode());
        assertEquals(404, ADMIN.get("/api/users/it-api-nope").statusCode(), "nothing was stored");
    }

    @Test
    void badValuesAre400WithFieldMessagesDuplicates409Unknown404() throws Exception {
        HttpResponse<String> bad = ADMIN.postJson("/api/users", "{\"name\":\"has space\",\"password\":\"\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        JsonObject fields = object(bad).getJsonObject("fields");
        assertTrue(fields.containsKey("name") && fields.containsKey("password"), bad.body());
        HttpResponse<String> badRule = ADMIN.postJson("/api/rules",
                "{\"path\":\"x\",\"scheme\":\"kerberos\",\"read\":{\"audience\":\"listed\"},\"denyFrom\":[\"nonsense\"]}");
        assertEquals(400, badRule.statusCode(), badRule.body());
        JsonObject ruleFields = object(badRule).getJsonObject("fields");
        assertTrue(ruleFields.containsKey("scheme") && ruleFields.containsKey("read.users")
                && ruleFields.containsKey("denyFrom"), badRule.body());
        assertEquals(400, ADMIN.postJson("/api/groups", "not json").statusCode());

        assertEquals(201, ADMIN.postJson("/api/groups", "{\"name\":\"it-api-dup\",\"members\":[\"a\"]}").statusCode());
        assertEquals(409, ADMIN.postJson("/api/groups", "{\"name\":\"it-api-dup\",\"members\":[]}").statusCode());
        assertEquals(204, ADMIN.delete("/api/groups/it-api-dup").statusCode());
        assertEquals(404, ADMIN.delete("/api/groups/it-api-dup").statusCode());
        assertEquals(404, ADMIN.get("/api/rules/987654").statusCode());
        assertEquals(404, ADMIN.get("/api/broadcasters/nobody-here").statusCode());
        assertEquals(409, ADMIN.postJson("/api/console-accounts",
                "{\"name\":\"admin\",\"role\":\"viewer\",\"password\":\"whatever-123\"}").statusCode());
        assertEquals(409, ADMIN.delete("/api/console-accounts/admin").statusCode(), "the last admin stays");

        // With a second admin present, an admin still cannot delete or demote its own account.
        assertEquals(201, ADMIN.postJson("/api/console-accounts",
                "{\"name\":\"it-api-admin2\",\"role\":\"admin\",\"password\":\"second-admin-pw\"}").statusCode());
        try {
            HttpResponse<String> selfDelete = ADMIN.delete("/api/console-accounts/admin");
            assertEquals(409, selfDelete.statusCode(), selfDelete.body());
            assertTrue(selfDelete.body().contains("your own account"), selfDelete.body());
            HttpResponse<String> selfDemote = ADMIN.putJson("/api/console-accounts/admin", "{\"role\":\"viewer\"}");
            assertEquals(409, selfDemote.statusCode(), selfDemote.body());
            assertEquals("admin", object(ADMIN.get("/api/console-accounts/admin")).getString("role"));
        } finally {
            assertEquals(204, ADMIN.delete("/api/console-accounts/it-api-admin2").statusCode(),
                    "another admin may be removed while one remains");
        }
    }

    @Test
    void anOperatorEndsAPlayingSession() throws Exception {
        String url = Endpoints.RTSP + "sample.mp4";
        try (RtspTestClient client = new RtspTestClient(); DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = rtp.getLocalPort();
            RtspTestClient.Response setup = client.request("SETUP", url + "/trackID=1", 1,
                    "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
            String id = setup.header("Session").split(";")[0];
            assertEquals(200, client.request("PLAY", url, 2, "Session: " + id).status());
            assertTrue(VIEWER.get("/api/sessions").body().contains("\"" + id + "\""), "listed");

            assertEquals(403, VIEWER.delete("/api/sessions/" + id).statusCode());
            HttpResponse<String> ended = OPERATOR.delete("/api/sessions/" + id);
            assertEquals(204, ended.statusCode(), ended.body());
            assertFalse(VIEWER.get("/api/sessions").body().contains("\"" + id + "\""), "gone");
            assertEquals(404, OPERATOR.delete("/api/sessions/" + id).statusCode());
            assertEquals(454, client.request("PLAY", url, 3, "Session: " + id).status());
        }
    }

    @Test
    void aUserAndARuleMadeThroughTheApiProtectAFolder() throws Exception {
        mediaFolder("it-api-rule");
        String path = "it-api-rule/sample.mp4";
        assertEquals(200, describe(path, null), "open before the rule");

        HttpResponse<String> user = ADMIN.postJson("/api/users", "{\"name\":\"it-api-carol\",\"password\":\"carol pw 1\"}");
        assertEquals(201, user.statusCode(), user.body());
        assertEquals(409, ADMIN.postJson("/api/users", "{\"name\":\"it-api-carol\",\"password\":\"x\"}").statusCode());
        HttpResponse<String> rule = ADMIN.postJson("/api/rules", "{\"path\":\"it-api-rule\",\"scheme\":\"basic\","
                + "\"read\":{\"audience\":\"listed\",\"users\":[\"it-api-carol\"]}}");
        assertEquals(201, rule.statusCode(), rule.body());
        long id = object(rule).getJsonNumber("id").longValue();
        assertEquals("listed", object(ADMIN.get("/api/rules/" + id)).getJsonObject("read").getString("audience"));

        assertEquals(401, describe(path, null), "the rule asks for credentials");
        assertEquals(200, describe(path, ConsoleApi.basic("it-api-carol", "carol pw 1")));

        assertEquals(200, ADMIN.putJson("/api/users/it-api-carol", "{\"password\":\"carol pw 2\"}").statusCode());
        assertEquals(401, describe(path, ConsoleApi.basic("it-api-carol", "carol pw 1")), "the old password is gone");
        assertEquals(200, describe(path, ConsoleApi.basic("it-api-carol", "carol pw 2")));

        HttpResponse<String> changed = ADMIN.putJson("/api/rules/" + id, "{\"path\":\"it-api-rule\",\"read\":{\"audience\":\"anyone\"}}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(200, describe(path, null), "anyone again");

        assertEquals(204, ADMIN.delete("/api/rules/" + id).statusCode());
        assertEquals(204, ADMIN.delete("/api/users/it-api-carol").statusCode());
        assertEquals(404, ADMIN.get("/api/users/it-api-carol").statusCode());
    }

    @Test
    void darwinFilesImportAndExportThroughTheApi() throws Exception {
        mediaFolder("it-api-qt");
        String qtusers = "realm " + REALM + "\nit-qt-dave:abCDef12345:"
                + DigestMath.ha1(DigestAlgorithm.MD5, "it-qt-dave", REALM, "dave-pw") + "\n";
        HttpResponse<String> users = ADMIN.post("/api/darwin/qtusers", "text/plain", qtusers);
        assertEquals(200, users.statusCode(), users.body());
        assertEquals(1, object(users).getInt("users"));
        HttpResponse<String> access = ADMIN.post("/api/darwin/qtaccess?folder=it-api-qt", "text/plain",
                "AuthScheme basic\nrequire user it-qt-dave\n");
        assertEquals(200, access.statusCode(), access.body());

        assertEquals(401, describe("it-api-qt/sample.mp4", null));
        assertEquals(200, describe("it-api-qt/sample.mp4", ConsoleApi.basic("it-qt-dave", "dave-pw")));
        assertTrue(ADMIN.get("/api/darwin/qtaccess?folder=it-api-qt").body().contains("require user it-qt-dave"));
        assertTrue(ADMIN.get("/api/darwin/qtusers").body().contains("it-qt-dave:abCDef12345:"));
        assertEquals(403, VIEWER.get("/api/darwin/qtusers").statusCode(), "the HA1s are for admins");

        HttpResponse<String> bad = ADMIN.post("/api/darwin/qtusers", "text/plain", "realm " + REALM + "\nno-colons-here\n");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(object(bad).getJsonArray("problems").getString(0).startsWith("qtusers:2: "), bad.body());
        assertEquals(403, VIEWER.post("/api/darwin/qtgroups", "text/plain", "g: a\n").statusCode());

        JsonArray rules = array(ADMIN.get("/api/rules"));
        rules.getValuesAs(JsonObject.class).stream().filter(r -> r.getString("path").equals("it-api-qt"))
                .forEach(r -> assertEquals(204, uncheckedDelete("/api/rules/" + r.getJsonNumber("id"))));
    }

    static int uncheckedDelete(String path) {
        try {
            return ADMIN.delete(path).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
