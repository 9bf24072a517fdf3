package org.tributary.it.cluster;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tributary.it.live.Framemd5;
import org.tributary.it.support.Browser;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.Tools;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three WildFly nodes in standalone-ha on one machine (scripts/cluster-node.sh: an origin and two edges, loopback
 * JGroups, one shared PostgreSQL database), driven the way players and an admin do: a publisher on the origin and
 * viewers on both edges decode it, the origin sends each edge one copy, a DESCRIBE is redirected to the less loaded
 * edge (ffmpeg follows), the API of one node lists and ends a session on another, and a killed edge leaves the
 * other serving while the origin's entry sends new viewers there. Runs from scripts/test-cluster.sh, which prepares
 * the database and passes it as it.cluster.db.url; without it the class is skipped with that reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String FOLDER = "it-cluster";
    static final String STREAM = FOLDER + "/allhands.sdp";
    static final String CASTER = "it-cluster-caster";
    static final String CASTER_PASSWORD = "cluster-cast-pw";
    /** Frames of 5 s at 25 fps. */
    static final int FIVE_SECONDS = 125;

    static final int BASE = Integer.getInteger("it.cluster.offset", 100);
    static final ClusterNode ORIGIN = new ClusterNode("origin", "origin", BASE);
    static final ClusterNode EDGE1 = new ClusterNode("edge1", "edge", BASE + 100);
    static final ClusterNode EDGE2 = new ClusterNode("edge2", "edge", BASE + 200);
    static final List<ClusterNode> NODES = List.of(ORIGIN, EDGE1, EDGE2);

    private static final List<Process> processes = new ArrayList<>();
    private static Process publisher;

    @BeforeAll
    static void startNodes() throws Exception {
        String dbUrl = System.getProperty("it.cluster.db.url", "");
        Assumptions.assumeTrue(!dbUrl.isBlank(), "the cluster tests need a shared PostgreSQL database: run "
                + "scripts/test-cluster.sh (it prepares one and passes it as -Dit.cluster.db.url)");
        String user = System.getProperty("it.cluster.db.user", "tributary");
        String password = System.getProperty("it.cluster.db.password", "tributary");
        String members = String.join(",", NODES.stream().map(n -> "127.0.0.1[" + n.jgroupsPort() + "]").toList());
        List<String> properties = List.of("-Dtributary.cluster.heartbeat-seconds=1",
                "-Dtributary.cluster.dead-after-seconds=4", "-Dtributary.cluster.redirect-margin=2",
                "-Dtributary.cluster.linger-seconds=5", "-Dtributary.session.timeout-seconds=10",
                "-Dtributary.multicast.ttl=0");
        // The origin first: it makes the schema; then both edges at once.
        ORIGIN.start(members, dbUrl, user, password, properties);
        CompletableFuture<Void> edge1 = CompletableFuture.runAsync(() -> start(EDGE1, members, dbUrl, user, password, properties));
        CompletableFuture<Void> edge2 = CompletableFuture.runAsync(() -> start(EDGE2, members, dbUrl, user, password, properties));
        edge1.join();
        edge2.join();
        created(ORIGIN.postJson("/api/users", "{\"name\":\"" + CASTER + "\",\"password\":\"" + CASTER_PASSWORD + "\"}"));
        created(ORIGIN.postJson("/api/broadcasters", "{\"user\":\"" + CASTER + "\",\"paths\":[\"" + FOLDER + "\"]}"));
    }

    private static void start(ClusterNode node, String members, String dbUrl, String user, String password,
                              List<String> properties) {
        try {
            node.start(members, dbUrl, user, password, properties);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("could not start " + node + ": " + e, e);
        }
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        for (ClusterNode node : NODES) {
            node.stop();
        }
    }

    @Test
    @Order(1)
    void everyNodeSeesTheOthersThroughTheDatabaseAndJGroups() throws Exception {
        for (ClusterNode node : NODES) {
            JsonObject cluster = awaitCluster(node, c -> aliveNodes(c) == 3, "three nodes alive");
            assertTrue(cluster.getBoolean("clustered"), cluster.toString());
            assertEquals(node.name, cluster.getString("self"), cluster.toString());
        }
        // WildFly's own clustering: the JGroups channel of standalone-ha has all three in one view (the node that
        // joins last logs it as it connects).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean seen = false;
        while (!seen && System.nanoTime() < deadline) {
            for (ClusterNode node : NODES) {
                seen |= Files.readString(node.serverLog()).lines().anyMatch(l -> l.contains("WFLYCLJG0033")
                        && l.contains("(3)") && l.contains("origin") && l.contains("edge1") && l.contains("edge2"));
            }
            if (!seen) {
                Thread.sleep(500);
            }
        }
        assertTrue(seen, "no JGroups view of the three nodes in any node's log" + ClusterNode.tail(EDGE2.serverLog()));
    }

    @Test
    @Order(2)
    void viewersOnBothEdgesDecodeThePublisherOnTheOriginWhichSendsEachEdgeOneCopy() throws Exception {
        publishOnOrigin();
        List<CompletableFuture<Long>> viewers = new ArrayList<>();
        for (ClusterNode edge : List.of(EDGE1, EDGE2, EDGE1, EDGE2)) {
            viewers.add(CompletableFuture.supplyAsync(() -> framesOfFiveSeconds(edge.rtsp(STREAM))));
        }
        // While they play: the origin has one session per edge for the stream (the edges' pulls), not one per viewer.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        long pulls = 0;
        while (System.nanoTime() < deadline && pulls < 2) {
            pulls = sessionsOf(ORIGIN.array("/api/sessions"), STREAM);
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        JsonArray originSessions = ORIGIN.array("/api/sessions");
        assertEquals(2, sessionsOf(originSessions, STREAM), "one pull per edge: " + originSessions);
        for (JsonValue session : originSessions) {
            JsonObject s = session.asJsonObject();
            if (STREAM.equals(s.getString("path", ""))) {
                assertEquals("Tributary relay", s.getString("userAgent", ""), s.toString());
            }
        }
        for (ClusterNode edge : List.of(EDGE1, EDGE2)) {
            JsonObject self = node(edge.object("/api/cluster"), edge.name);
            assertTrue(strings(self.getJsonArray("copyPaths")).contains(STREAM), edge.name + " lists its copy: " + self);
            assertEquals(2, sessionsOf(edge.array("/api/sessions"), STREAM), edge.name + " has its two viewers");
        }
        for (CompletableFuture<Long> viewer : viewers) {
            long frames = viewer.get(60, TimeUnit.SECONDS);
            assertTrue(frames >= FIVE_SECONDS * 95 / 100, frames + " of " + FIVE_SECONDS + " frames of 5 s decoded");
        }
    }

    @Test
    @Order(3)
    void aDescribeIsRedirectedToTheLessLoadedEdgeAndFfmpegFollows() throws Exception {
        publishOnOrigin();
        awaitNoSessions(EDGE1);
        awaitNoSessions(EDGE2);
        // Two long viewers on edge1; edge2 has none, two fewer than edge1 (the margin these nodes run with).
        watch(EDGE1.rtsp(STREAM), 40);
        watch(EDGE1.rtsp(STREAM), 40);
        awaitSessions(EDGE1, 2);
        String edge2Location = "rtsp://127.0.0.1:" + EDGE2.rtspPort() + "/" + STREAM;
        awaitDescribe(EDGE1, STREAM, 302, edge2Location); // edge1 has two sessions more than edge2
        // ffmpeg asked at edge1 lands on edge2 and decodes there. (Until the next view, edge1 counts the viewer it
        // just sent to edge2 against the margin, so a burst spreads: wait for that heartbeat.)
        Thread.sleep(2500);
        CompletableFuture<Long> redirected = CompletableFuture.supplyAsync(() -> framesOfFiveSeconds(EDGE1.rtsp(STREAM)));
        awaitSessions(EDGE2, 1);
        long frames = redirected.get(60, TimeUnit.SECONDS);
        assertTrue(frames >= FIVE_SECONDS * 95 / 100, frames + " of " + FIVE_SECONDS + " frames decoded after the redirect");
        // The origin hands every viewer to an edge, a file too (the nodes share the media folder).
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", ORIGIN.rtspPort())) {
            RtspTestClient.Response describe = client.request("DESCRIBE", ORIGIN.rtsp("sample.mp4"), 1);
            assertEquals(302, describe.status(), "the origin sends viewers to an edge");
            assertTrue(describe.header("Location").endsWith("/sample.mp4"), describe.header("Location"));
        }
        Tools.Result probe = Tools.run(60, "ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                "csv=p=0", ORIGIN.rtsp("sample.mp4"));
        assertEquals(0, probe.exitCode(), probe.stderr());
        assertEquals(10.0, Double.parseDouble(probe.stdout().trim()), 0.5, "the file's duration through the redirect");
    }

    @Test
    @Order(4)
    void theConsoleAndTheApiOfTheOriginListAndEndSessionsOnAnEdge() throws Exception {
        publishOnOrigin();
        awaitNoSessions(EDGE2);
        awaitNoSessions(EDGE1);
        Process first = watch(EDGE2.rtsp(STREAM), 60);
        awaitSessions(EDGE2, 1);
        Process second = watch(EDGE2.rtsp(STREAM), 60);
        awaitSessions(EDGE2, 2);
        List<String> ids = awaitListedOnOrigin(2);

        // The console of the origin: its Cluster page lists edge2's sessions, and an admin ends one there.
        try (Browser browser = new Browser()) {
            browser.driver().get(ORIGIN.http() + "/login.xhtml");
            browser.type(By.id("login:user"), ConsoleApi.ADMIN);
            browser.type(By.id("login:password"), ConsoleApi.ADMIN_PASSWORD);
            browser.clickAndWaitForPage(By.id("login:submit"));
            browser.await(ExpectedConditions.textToBe(By.id("current-user"), ConsoleApi.ADMIN));
            browser.driver().get(ORIGIN.http() + "/cluster.xhtml");
            By row = By.cssSelector("tr.cluster-session[data-node='edge2'][data-session='" + ids.get(0) + "']");
            assertTrue(browser.textOf(row).contains(STREAM), browser.textOf(row));
            for (ClusterNode node : NODES) {
                assertTrue(browser.present(By.cssSelector("tr.cluster-node[data-node='" + node.name + "']")),
                        node.name + " is listed on the origin's Cluster page");
            }
            browser.script("window.confirm = function () { return true; }");
            browser.click(By.cssSelector("input.end-session[data-node='edge2'][data-session='" + ids.get(0) + "']"));
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"),
                    "Session " + ids.get(0) + " on edge2 ended."));
            browser.screenshot("cluster-page");
        }
        awaitGone(ids.get(0));

        // The API of the origin ends the other one.
        HttpResponse<String> ended = ORIGIN.delete("/api/cluster/nodes/edge2/sessions/" + ids.get(1));
        assertEquals(200, ended.statusCode(), ended.body());
        assertTrue(ended.body().contains("\"ended\""), ended.body());
        awaitGone(ids.get(1));
        assertTrue(first.waitFor(20, TimeUnit.SECONDS), "ffmpeg stops when its session is ended on edge2");
        assertTrue(second.waitFor(20, TimeUnit.SECONDS), "ffmpeg stops when its session is ended on edge2");
        HttpResponse<String> again = ORIGIN.delete("/api/cluster/nodes/edge2/sessions/" + ids.get(1));
        assertEquals(404, again.statusCode(), again.body());
        HttpResponse<String> unknown = ORIGIN.delete("/api/cluster/nodes/nosuchnode/sessions/" + ids.get(1));
        assertEquals(404, unknown.statusCode(), unknown.body());
    }

    /** The ids of edge2's sessions of the stream as the origin lists them (from edge2's heartbeats). */
    private static List<String> awaitListedOnOrigin(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> ids = List.of();
        while (ids.size() < count && System.nanoTime() < deadline) {
            ids = ORIGIN.array("/api/cluster/nodes/edge2/sessions").stream().map(JsonValue::asJsonObject)
                    .filter(session -> STREAM.equals(session.getString("path", ""))).map(session -> session.getString("id"))
                    .sorted().toList();
            Thread.sleep(300);
        }
        assertEquals(count, ids.size(), "the origin lists edge2's sessions: " + ORIGIN.array("/api/cluster/nodes/edge2/sessions"));
        return ids;
    }

    /** Waits until edge2 itself no longer has the session. */
    private static void awaitGone(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (EDGE2.array("/api/sessions").stream().anyMatch(s -> id.equals(s.asJsonObject().getString("id")))) {
            assertTrue(System.nanoTime() < deadline, "edge2 still has session " + id);
            Thread.sleep(200);
        }
    }

    @Test
    @Order(5)
    void aKilledEdgeLeavesTheOtherServingAndTheEntrySendsNewViewersThere() throws Exception {
        publishOnOrigin();
        awaitNoSessions(EDGE1);
        CompletableFuture<Long> onEdge1 = CompletableFuture.supplyAsync(() -> framesOfFiveSeconds(EDGE1.rtsp(STREAM)));
        Thread.sleep(1500);
        EDGE2.kill();
        long frames = onEdge1.get(60, TimeUnit.SECONDS);
        assertTrue(frames >= FIVE_SECONDS * 95 / 100, frames + " of " + FIVE_SECONDS + " frames on edge1 while edge2 died");
        JsonObject cluster = awaitCluster(ORIGIN, c -> aliveNodes(c) == 2, "edge2 dead");
        assertFalse(node(cluster, "edge2").getBoolean("alive"), cluster.toString());
        // Once the origin's heartbeat has handed its adapter the view without edge2, the entry sends new viewers
        // to the edge that is left.
        awaitDescribe(ORIGIN, STREAM, 302, "rtsp://127.0.0.1:" + EDGE1.rtspPort() + "/" + STREAM);
        long again = framesOfFiveSeconds(ORIGIN.rtsp(STREAM));
        assertTrue(again >= FIVE_SECONDS * 95 / 100, again + " frames through the origin's entry after the death");
        // Nothing of the shared database was lost: the account made through the origin is there on edge1.
        assertTrue(EDGE1.get("/api/users/" + CASTER).statusCode() == 200, "the users survive a node's death");
    }

    @Test
    @Order(6)
    void aRelayPutAndDeletedOnAnEdgeRunsAndStopsOnTheOriginAtItsNextHeartbeat() throws Exception {
        publishOnOrigin();
        String name = "it-cluster-relay";
        String path = FOLDER + "/relayed.sdp";
        String body = "{\"direction\":\"pull\",\"path\":\"" + path + "\",\"url\":\"" + ORIGIN.rtsp(STREAM) + "\","
                + "\"transport\":\"tcp\",\"onDemand\":false,\"lingerSeconds\":10,\"enabled\":true}";
        created(EDGE1.putJson("/api/relays/" + name, body));
        assertEquals("on the origin", EDGE1.object("/api/relays/" + name).getString("state"), "an edge runs no relays");

        // The edge's change reaches the origin's adapter at the origin's next heartbeat.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonObject relay = ORIGIN.object("/api/relays/" + name);
        while (!"playing".equals(relay.getString("state"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the origin never played the relay saved on edge1: " + relay
                        + ClusterNode.tail(ORIGIN.serverLog()));
            }
            Thread.sleep(300);
            relay = ORIGIN.object("/api/relays/" + name);
        }
        for (ClusterNode node : List.of(ORIGIN, EDGE1)) {
            awaitCluster(node, c -> strings(node(c, ORIGIN.name).getJsonArray("originalPaths")).contains(path),
                    "the relayed path live on the origin");
        }
        awaitDescribe(EDGE1, path, 200, null); // edge1's next heartbeat hands its adapter the view with the path
        // And the relayed path reaches a viewer through the entry, by way of edge1's pull.
        long frames = framesOfFiveSeconds(EDGE1.rtsp(path));
        assertTrue(frames >= FIVE_SECONDS * 95 / 100, frames + " frames of the relayed path through edge1");

        // Deleted on the edge: gone from the store at once, from the origin's adapter at its next heartbeat.
        HttpResponse<String> deleted = EDGE1.delete("/api/relays/" + name);
        assertEquals(204, deleted.statusCode(), deleted.body());
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (strings(node(ORIGIN.object("/api/cluster"), ORIGIN.name).getJsonArray("originalPaths")).contains(path)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the origin still carries " + path + " after the delete on edge1"
                        + ClusterNode.tail(ORIGIN.serverLog()));
            }
            Thread.sleep(300);
        }
        assertTrue(Files.readString(ORIGIN.serverLog()).contains("from edge1: relay " + name + " removed"),
                "the origin ran edge1's command" + ClusterNode.tail(ORIGIN.serverLog()));
    }

    // ---- helpers

    /** ffmpeg publishing the sample in a loop to the origin (once per class; later tests reuse it). */
    private static void publishOnOrigin() throws Exception {
        if (publisher != null && publisher.isAlive()) {
            return;
        }
        Path sample = Path.of(System.getProperty("it.media.dir"), "sample.mp4");
        ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning", "-re",
                "-stream_loop", "-1", "-i", sample.toString(), "-c", "copy", "-f", "rtsp", "-rtsp_transport", "tcp",
                "rtsp://" + CASTER + ":" + CASTER_PASSWORD + "@127.0.0.1:" + ORIGIN.rtspPort() + "/" + STREAM);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ORIGIN.dir.resolve("publisher.log").toFile());
        publisher = builder.start();
        processes.add(publisher);
        // Live on the origin, and every edge's view knows it (the origin's heartbeat, then theirs).
        for (ClusterNode node : NODES) {
            awaitCluster(node, c -> strings(node(c, ORIGIN.name).getJsonArray("originalPaths")).contains(STREAM),
                    "the origin carrying " + STREAM);
        }
        for (ClusterNode edge : List.of(EDGE1, EDGE2)) {
            awaitDescribe(edge, STREAM, 200, null);
        }
    }

    /**
     * DESCRIBEs a path at a node until it answers the status (and Location) expected, at most 15 s: a node acts on
     * the cluster as of its last heartbeat.
     */
    private static void awaitDescribe(ClusterNode node, String path, int status, String location) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        RtspTestClient.Response describe;
        while (true) {
            try (RtspTestClient client = new RtspTestClient("127.0.0.1", node.rtspPort())) {
                describe = client.request("DESCRIBE", node.rtsp(path), 1);
            }
            if (describe.status() == status && (location == null || location.equals(describe.header("Location")))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("DESCRIBE " + path + " at " + node.name + " answered " + describe.status() + " "
                        + describe.header("Location") + ", not " + status + " " + location + ClusterNode.tail(node.serverLog()));
            }
            Thread.sleep(300);
        }
    }

    /** A viewer (ffmpeg decoding to nothing) for a while, in the background; ended with the class. */
    private static Process watch(String url, int seconds) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-rtsp_transport", "tcp", "-i", url, "-t", String.valueOf(seconds), "-f", "null", "-");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** ffmpeg decoding 7 s of the video: its frames within the first 5 s. */
    private static long framesOfFiveSeconds(String url) {
        try {
            Tools.Result r = Tools.run(40, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-rtsp_transport",
                    "tcp", "-i", url, "-map", "0:v", "-t", "7", "-f", "framemd5", "-");
            if (r.exitCode() != 0) {
                throw new AssertionError("ffmpeg " + url + " failed: " + r.stderr());
            }
            List<Double> times = Framemd5.of(r, 0).presentationTimes();
            return times.isEmpty() ? 0 : times.stream().filter(t -> t - times.get(0) < 5.0).count();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("ffmpeg " + url + ": " + e, e);
        }
    }

    private static JsonObject awaitCluster(ClusterNode node, java.util.function.Predicate<JsonObject> condition,
                                           String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonObject cluster = node.object("/api/cluster");
        while (!condition.test(cluster)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(node.name + " never showed " + what + ": " + cluster
                        + ClusterNode.tail(node.serverLog()));
            }
            Thread.sleep(300);
            cluster = node.object("/api/cluster");
        }
        return cluster;
    }

    private static void awaitSessions(ClusterNode node, int atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sessionsOf(node.array("/api/sessions"), STREAM) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(node.name + " never had " + atLeast + " sessions of " + STREAM + ": "
                        + node.array("/api/sessions"));
            }
            Thread.sleep(200);
        }
    }

    /** Ends the viewers of earlier tests on a node and waits until it has no session of the stream. */
    private static void awaitNoSessions(ClusterNode node) throws Exception {
        for (JsonValue session : node.array("/api/sessions")) {
            node.delete("/api/sessions/" + session.asJsonObject().getString("id"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sessionsOf(node.array("/api/sessions"), STREAM) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(node.name + " kept its sessions: " + node.array("/api/sessions"));
            }
            Thread.sleep(200);
        }
        Thread.sleep(2500); // its next heartbeat tells the others
    }

    private static long sessionsOf(JsonArray sessions, String path) {
        return sessions.stream().filter(s -> path.equals(s.asJsonObject().getString("path", ""))).count();
    }

    private static long aliveNodes(JsonObject cluster) {
        return cluster.getJsonArray("nodes").stream().filter(n -> n.asJsonObject().getBoolean("alive")).count();
    }

    private static JsonObject node(JsonObject cluster, String name) {
        return cluster.getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .filter(n -> n.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name + " in " + cluster));
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static void created(HttpResponse<String> answer) {
        assertTrue(answer.statusCode() == 201 || answer.statusCode() == 200, answer.statusCode() + " " + answer.body());
    }
}
