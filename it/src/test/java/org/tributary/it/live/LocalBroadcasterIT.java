package org.tributary.it.live;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.ejb.users.UserService;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.Tools;
import org.tributary.rtsp.header.AuthScheme;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Local broadcasters on the real server, defined in it/src/test/resources/it-broadcasters.conf: an ffmpeg
 * test pattern (on demand, 3 s linger) starts at its first viewer, who decodes it, and its process is gone
 * seconds after the last viewer left; the API starts and stops it; a command that exits at once gets its
 * viewer a 503 with the reason and is restarted with backoff.
 */
@ExtendWith(ArquillianExtension.class)
class LocalBroadcasterIT {

    static final String FOLDER = "it-local";
    /** The account the broadcasters file's command publishes as. */
    static final String CASTER = "it-local-caster";
    static final String PASSWORD = "local-pw";
    static final String PATTERN = Endpoints.RTSP + FOLDER + "/pattern.sdp";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(LocalBroadcasterIT.class, Tools.class);
    }

    @EJB
    UserService users;

    @EJB
    AccessService access;

    @BeforeEach
    void broadcasterAccount() {
        users.putUser(CASTER, null, PASSWORD);
        access.putBroadcaster(CASTER, List.of(FOLDER));
        access.putRule(new RuleSpec(FOLDER, null, AuthScheme.BASIC, Permission.of(Audience.ANYONE),
                Permission.listed(List.of(CASTER), List.of()), null, null, "LocalBroadcasterIT"));
    }

    @AfterEach
    void stopAndRemoveTheAccount() throws Exception {
        ConsoleApi.admin().postJson("/api/local-broadcasters/it-pattern/stop", "{}");
        awaitState("it-pattern", b -> "stopped".equals(b.getString("state")), "stopped after the test");
        access.removeRule(FOLDER);
        access.removeBroadcaster(CASTER);
        users.removeUser(CASTER);
    }

    static JsonObject broadcaster(String name) throws Exception {
        HttpResponse<String> response = ConsoleApi.admin().get("/api/local-broadcasters/" + name);
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Polls the API until the broadcaster is as wanted, at most 30 s. */
    static JsonObject awaitState(String name, Predicate<JsonObject> wanted, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonObject b = broadcaster(name);
        while (!wanted.test(b)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " not " + what + " within 30 s: " + b);
            }
            Thread.sleep(200);
            b = broadcaster(name);
        }
        return b;
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void theFirstViewerStartsTheTestPatternAndItStopsAfterTheLastViewerLeft() throws Exception {
        JsonObject before = broadcaster("it-pattern");
        assertEquals("stopped", before.getString("state"));
        assertEquals("on-demand", before.getString("mode"));
        assertEquals("it-local/pattern.sdp", before.getString("path"));
        assertEquals("ffmpeg", before.getJsonArray("command").getString(0));
        Tools.Result r = Tools.run(60, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-rtsp_transport",
                "tcp", "-i", PATTERN, "-t", "3", "-f", "framemd5", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        int frames = Tools.framesPerStream(r)[0];
        assertTrue(frames >= 60, frames + " frames of 3 s of the 25 fps pattern decoded");
        JsonObject running = broadcaster("it-pattern");
        long pid = running.getJsonNumber("pid").longValue();
        assertTrue(alive(pid), "ffmpeg " + pid + " runs while its linger lasts: " + running);
        JsonObject stopped = awaitState("it-pattern", b -> "stopped".equals(b.getString("state")),
                "stopped 3 s after its last viewer");
        assertFalse(alive(pid), "ffmpeg " + pid + " is gone");
        assertTrue(stopped.isNull("pid"));
        assertEquals(0, stopped.getInt("restarts"));
    }

    @Test
    void theApiStartsABroadcasterWithoutViewersAndStopsIt() throws Exception {
        HttpResponse<String> start = ConsoleApi.admin().postJson("/api/local-broadcasters/it-pattern/start", "{}");
        assertEquals(200, start.statusCode(), start.body());
        JsonObject running = awaitState("it-pattern", b -> "running".equals(b.getString("state")),
                "running (published) after the API's start");
        long pid = running.getJsonNumber("pid").longValue();
        try (RtspTestClient client = new RtspTestClient()) {
            assertEquals(200, client.request("DESCRIBE", PATTERN, 1).status(), "its path is live");
        }
        Thread.sleep(5000); // past the 3 s linger without a viewer: an operator's start holds
        assertEquals(pid, broadcaster("it-pattern").getJsonNumber("pid").longValue());
        assertTrue(alive(pid));
        HttpResponse<String> stop = ConsoleApi.admin().postJson("/api/local-broadcasters/it-pattern/stop", "{}");
        assertEquals(200, stop.statusCode(), stop.body());
        awaitState("it-pattern", b -> "stopped".equals(b.getString("state")), "stopped after the API's stop");
        assertFalse(alive(pid), "ffmpeg " + pid + " is gone");
        assertEquals(404, ConsoleApi.admin().postJson("/api/local-broadcasters/nobody/start", "{}").statusCode());
    }

    @Test
    void aCommandThatExitsAtOnceGetsItsViewerA503WithTheReasonAndIsRestarted() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            RtspTestClient.Response describe = client.request("DESCRIBE", Endpoints.RTSP + FOLDER + "/broken.sdp", 1);
            assertEquals(503, describe.status());
            assertTrue(describe.bodyText().contains("the local broadcaster it-broken did not publish /it-local/broken.sdp"
                    + " within 2 s"), describe.bodyText());
        }
        JsonObject broken = awaitState("it-broken", b -> b.getInt("restarts") >= 1, "restarted");
        assertEquals(1, broken.getInt("lastExitCode"));
        awaitState("it-broken", b -> "stopped".equals(b.getString("state")), "stopped 3 s after its last viewer");
    }
}
