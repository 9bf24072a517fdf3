package org.tributary.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tributary.ejb.cluster.EndRequest;
import org.tributary.ejb.cluster.NodeStatus;
import org.tributary.web.api.model.ClusterBody;
import org.tributary.web.api.model.ClusterEndState;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cluster API's JSON as the server writes it: the nodes and totals, and the states of an end request. */
class ClusterJsonTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Instant T = Instant.parse("2026-12-05T20:00:00Z");

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static JsonObject written(Object body) {
        return Json.createReader(new StringReader(JSONB.toJson(body))).readObject();
    }

    @Test
    void theClusterHasEveryNodeAndTheTotalsOfTheAliveOnes() {
        List<NodeStatus> nodes = List.of(
                new NodeStatus("edge1", "edge", "10.0.0.2:8554", true, 1, T, 3, 3_000_000, 0.5, List.of(),
                        List.of("live/cam1.sdp")),
                new NodeStatus("edge2", "edge", "10.0.0.3:8554", false, 42, T, 7, 9_000_000, 0.9, List.of(), List.of()),
                new NodeStatus("origin", "origin", "10.0.0.1:8554", true, 0, T, 2, 1_000_000, -1,
                        List.of("live/cam1.sdp", "radio.mp3"), List.of()));
        JsonObject json = written(ClusterBody.of(true, "edge1", nodes));
        assertEquals(List.of("clustered", "self", "nodes", "totals"), List.copyOf(json.keySet()));
        assertTrue(json.getBoolean("clustered"));
        assertEquals("edge1", json.getString("self"));
        JsonObject edge1 = json.getJsonArray("nodes").getJsonObject(0);
        assertEquals(List.of("name", "role", "rtspAddress", "alive", "lastHeardSeconds", "sessions", "bitsPerSecond",
                "cpuLoad", "originalPaths", "copyPaths"), List.copyOf(edge1.keySet()));
        assertEquals("10.0.0.2:8554", edge1.getString("rtspAddress"));
        assertEquals(0.5, edge1.getJsonNumber("cpuLoad").doubleValue());
        assertEquals(Json.createArrayBuilder().add("live/cam1.sdp").build(), edge1.getJsonArray("copyPaths"));
        JsonObject edge2 = json.getJsonArray("nodes").getJsonObject(1);
        assertFalse(edge2.getBoolean("alive"));
        assertEquals(42, edge2.getInt("lastHeardSeconds"));
        assertEquals(Json.createObjectBuilder().add("nodes", 2).add("sessions", 5).add("bitsPerSecond", 4_000_000).build(),
                json.getJsonObject("totals"));
    }

    @Test
    void aSingleServerIsNotClustered() {
        JsonObject json = written(ClusterBody.of(false, null, List.of()));
        assertFalse(json.getBoolean("clustered"));
        assertEquals(JsonValue.NULL, json.get("self"));
        assertEquals(0, json.getJsonArray("nodes").size());
        assertEquals(0, json.getJsonObject("totals").getInt("nodes"));
    }

    @Test
    void anEndRequestAnswersByItsState() {
        JsonObject ended = written(ClusterEndState.of(new EndRequest("edge2", "42", EndRequest.State.ENDED, 7L)));
        assertEquals(List.of("state", "command", "node", "session", "message"), List.copyOf(ended.keySet()));
        assertEquals("ended", ended.getString("state"));
        assertEquals(7, ended.getInt("command"));
        assertEquals("Session 42 on edge2 ended.", ended.getString("message"));

        JsonObject pending = written(ClusterEndState.of(new EndRequest("edge2", "42", EndRequest.State.PENDING, 8L)));
        assertEquals("pending", pending.getString("state"));
        assertEquals("Session 42 on edge2: still pending (command 8); edge2 ends it at its next heartbeat.",
                pending.getString("message"));

        JsonObject self = written(ClusterEndState.of(new EndRequest("edge1", "43", EndRequest.State.ENDED, null)));
        assertFalse(self.containsKey("command"), "ended by this node itself: no command");
    }

    @Test
    void noSuchSessionIsA404ErrorWithItsState() {
        ApiException e = ClusterResource.noSuchSession(new EndRequest("edge2", "43", EndRequest.State.NO_SUCH_SESSION, 9L));
        assertEquals(404, e.status());
        JsonObject body = written(ApiExceptionMapper.error(e.status(), e.getMessage(), e.details()));
        assertEquals(Json.createObjectBuilder().add("status", 404)
                .add("error", "Session 43 on edge2: no such session (it had already ended).")
                .add("state", "no such session").build(), body);
        assertFalse(written(ApiExceptionMapper.error(404, "user 'x' not found", null)).containsKey("state"));
    }
}
