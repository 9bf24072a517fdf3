package org.tributary.it.ops;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.ScratchServer;
import org.tributary.it.support.Tools;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backups as an admin does them: users, a group, a folder rule and a console account are made through the API;
 * {@code POST /api/backups} exports the running server's database and {@code GET /api/backups/<name>} downloads
 * it; {@code scripts/restore-database.sh} loads it into the data folder of a fresh WildFly (a second server
 * from the same installation, its own base folder and ports), which then starts with the EAR: the restored
 * user plays the protected folder, the restored rule still refuses the user outside the group, and the
 * restored console account signs in. The script refuses a database that is open and a file that is no backup.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupRestoreIT {

    private static final String FOLDER = "it-backup";
    private static final ConsoleApi ADMIN = ConsoleApi.admin();
    private static final Path WORK = Path.of("target", "backup-restore").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @AfterAll
    static void removeData() throws Exception {
        for (JsonObject rule : Json.createReader(new StringReader(ADMIN.get("/api/rules").body())).readArray()
                .getValuesAs(JsonObject.class)) {
            if (FOLDER.equals(rule.getString("path", "").replace("/", ""))) {
                ADMIN.delete("/api/rules/" + rule.get("id"));
            }
        }
        ADMIN.delete("/api/groups/it-br-staff");
        for (String user : List.of("it-br-alice", "it-br-bob")) {
            ADMIN.delete("/api/users/" + user);
        }
        ADMIN.delete("/api/console-accounts/it-br-viewer");
    }

    @Test
    void aBackupRestoredIntoAFreshServerKeepsUsersRulesAndAccounts() throws Exception {
        Path media = Path.of(System.getProperty("it.media.dir"));
        Files.createDirectories(media.resolve(FOLDER));
        Files.copy(media.resolve("sample.mp4"), media.resolve(FOLDER).resolve("sample.mp4"), StandardCopyOption.REPLACE_EXISTING);
        created(ADMIN.postJson("/api/users", "{\"name\":\"it-br-alice\",\"password\":\"alice pw 1\"}"));
        created(ADMIN.postJson("/api/users", "{\"name\":\"it-br-bob\",\"password\":\"bob pw 1\"}"));
        created(ADMIN.postJson("/api/groups", "{\"name\":\"it-br-staff\",\"members\":[\"it-br-alice\"]}"));
        created(ADMIN.postJson("/api/rules", "{\"path\":\"" + FOLDER + "\",\"scheme\":\"basic\","
                + "\"read\":{\"audience\":\"listed\",\"groups\":[\"it-br-staff\"]}}"));
        created(ADMIN.postJson("/api/console-accounts",
                "{\"name\":\"it-br-viewer\",\"role\":\"viewer\",\"password\":\"viewer pw 12\"}"));
        assertEquals(200, describe(Endpoints.RTSP_PORT, "it-br-alice", "alice pw 1"),
                "the rule lets the group in on the running server");

        HttpResponse<String> made = ADMIN.post("/api/backups", "application/json", "");
        assertEquals(201, made.statusCode(), made.body());
        JsonObject backup = Json.createReader(new StringReader(made.body())).readObject();
        String name = backup.getString("name");
        assertTrue(name.matches("tributary-\\d{8}-\\d{6}-\\d{3}\\.sql\\.gz"), name);
        JsonArray listed = Json.createReader(new StringReader(ADMIN.get("/api/backups").body())).readArray();
        assertEquals(name, listed.getJsonObject(0).getString("name"), "the newest backup is listed first");

        HttpResponse<byte[]> download = HTTP.send(ADMIN.request("/api/" + backup.getString("url")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertEquals("application/gzip", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals(backup.getJsonNumber("bytes").longValue(), download.body().length);
        Files.createDirectories(WORK);
        Path file = WORK.resolve(name);
        Files.write(file, download.body());
        String sql = new String(new GZIPInputStream(Files.newInputStream(file)).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(sql.contains("it-br-alice") && sql.contains("it-br-staff") && sql.contains("it-br-viewer"),
                "the export holds the users, the group and the console account");

        try (ScratchServer fresh = new ScratchServer(WORK.resolve("server"), 200)) {
            Tools.Result restore = restore(file, fresh.dataDir());
            assertEquals(0, restore.exitCode(), restore.stdout() + restore.stderr());
            assertTrue(Files.size(fresh.dataDir().resolve("tributary/tributary.mv.db")) > 0);
            fresh.start();

            assertEquals(200, describe(fresh.rtspPort(), "it-br-alice", "alice pw 1"), "the restored user and group");
            assertEquals(403, describe(fresh.rtspPort(), "it-br-bob", "bob pw 1"), "the restored rule refuses a user outside the group");
            assertEquals(401, describe(fresh.rtspPort(), "it-br-alice", "not her password"), "the restored password");
            Tools.Result probe = Tools.run(60, "ffprobe", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp",
                    "-show_entries", "stream=codec_type", "-of", "csv=p=0",
                    "rtsp://it-br-alice:alice%20pw%201@127.0.0.1:" + fresh.rtspPort() + "/" + FOLDER + "/sample.mp4");
            assertEquals(0, probe.exitCode(), probe.stderr());
            assertTrue(probe.lines().contains("video") && probe.lines().contains("audio"), probe.stdout());

            HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create(fresh.http() + "/api/me"))
                    .header("Authorization", ConsoleApi.basic("it-br-viewer", "viewer pw 12")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, me.statusCode(), me.body());
            assertTrue(me.body().contains("viewer"), me.body());
        }
    }

    @Test
    void theRestoreRefusesAnOpenDatabaseAndAFileThatIsNoBackup() throws Exception {
        Files.createDirectories(WORK);
        HttpResponse<String> made = ADMIN.post("/api/backups", "application/json", "");
        assertEquals(201, made.statusCode(), made.body());
        Path backup = Path.of(System.getProperty("it.data.dir"), "tributary", "backups",
                Json.createReader(new StringReader(made.body())).readObject().getString("name"));
        Path data = Path.of(System.getProperty("it.data.dir"));
        long before = Files.size(data.resolve("tributary/tributary.mv.db"));

        Tools.Result open = restore(backup, data);
        assertNotEquals(0, open.exitCode());
        assertTrue(open.stderr().contains("is open") && open.stderr().contains("stop the server first"), open.stderr());

        Path notABackup = WORK.resolve("not-a-backup.sql.gz");
        Files.writeString(notABackup, "DROP TABLE users;");
        Tools.Result bad = restore(notABackup, WORK.resolve("unused-data"));
        assertNotEquals(0, bad.exitCode());
        assertTrue(bad.stderr().contains("is not a gzip-compressed backup"), bad.stderr());
        assertTrue(before > 0 && Files.exists(data.resolve("tributary/tributary.mv.db")),
                "the running server's database is still in its place");
        try (var kept = Files.list(data.resolve("tributary"))) {
            assertEquals(List.of(), kept.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("before-restore") || n.startsWith("restoring")).toList(), "nothing was moved");
        }
    }

    @Test
    void onlyAdminsBackUpAndOnlyBackupsAreServed() throws Exception {
        created(ADMIN.postJson("/api/console-accounts",
                "{\"name\":\"it-br-viewer\",\"role\":\"viewer\",\"password\":\"viewer pw 12\"}"), 409);
        ConsoleApi viewer = new ConsoleApi("it-br-viewer", "viewer pw 12");
        assertEquals(403, viewer.post("/api/backups", "application/json", "").statusCode());
        assertEquals(403, viewer.get("/api/backups").statusCode());
        assertEquals(404, ADMIN.get("/api/backups/tributary.mv.db").statusCode());
        assertEquals(404, ADMIN.get("/api/backups/..%2Ftributary.mv.db").statusCode());
        assertEquals(404, ADMIN.get("/api/backups/tributary-20000101-000000-000.sql.gz").statusCode());
    }

    private static Tools.Result restore(Path backup, Path dataDir) throws Exception {
        return Tools.run(120, "env", "JBOSS_HOME=" + System.getProperty("jboss.home"), "bash",
                Path.of(System.getProperty("it.scripts.dir"), "restore-database.sh").toString(),
                backup.toString(), dataDir.toString());
    }

    private static int describe(int port, String user, String password) throws Exception {
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", port)) {
            return client.request("DESCRIBE", "rtsp://127.0.0.1:" + port + "/" + FOLDER + "/sample.mp4", 2,
                    "Accept: application/sdp", "Authorization: " + ConsoleApi.basic(user, password)).status();
        }
    }

    private static void created(HttpResponse<String> response, int... alsoFine) {
        if (response.statusCode() == 201) {
            return;
        }
        for (int status : alsoFine) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new AssertionError(response.statusCode() + " " + response.body());
    }
}
