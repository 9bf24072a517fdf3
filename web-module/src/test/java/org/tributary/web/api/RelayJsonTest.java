package org.tributary.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tributary.api.RelayDefinition;
import org.tributary.api.RelayInfo;
import org.tributary.ejb.relays.RelaySpec;
import org.tributary.ejb.relays.RelayStatus;
import org.tributary.web.api.model.Relay;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A relay read from a request body field by field, and written as the API's relay JSON: never a password. */
class RelayJsonTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Instant T = Instant.parse("2026-12-05T20:00:00Z");
    private static final String SECRET = "very s3cret pw";
    private static final RelaySpec CAM = new RelaySpec("cam1", RelayDefinition.Direction.PULL, "live/cam1.sdp",
            "rtsp://10.0.0.5:8554/stream1", "viewer", SECRET, "tcp", true, 30, true);

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static JsonObject written(Object body) {
        return Json.createReader(new StringReader(JSONB.toJson(body))).readObject();
    }

    @Test
    void aBodyIsReadWithItsDefaults() {
        RelaySpec spec = RelayJson.spec(JsonBody.parse("""
                {"direction":"PULL","path":"live/cam1.sdp","url":"rtsp://10.0.0.5:8554/stream1","user":"viewer",
                 "password":"very s3cret pw","transport":"TCP","onDemand":true,"lingerSeconds":30,"enabled":true}"""), "cam1");
        assertEquals(CAM, spec);
        assertEquals(SECRET, spec.password());
        RelaySpec defaults = RelayJson.spec(JsonBody.parse("""
                {"name":"out","direction":"push","path":"studio/main.sdp","url":"rtsps://cdn.example.org/in"}"""), "out");
        assertEquals(new RelaySpec("out", RelayDefinition.Direction.PUSH, "studio/main.sdp", "rtsps://cdn.example.org/in",
                null, null, "tcp", false, RelaySpec.DEFAULT_LINGER, true), defaults);
        assertNull(RelayJson.spec(JsonBody.parse("""
                {"direction":"push","path":"a","url":"rtsp://h/a","password":null}"""), "a").password(), "null keeps the stored one");
    }

    @Test
    void everyBadFieldIsNamedInTheFieldsOfThe400() {
        ApiException e = assertThrows(ApiException.class, () -> RelayJson.spec(JsonBody.parse("""
                {"name":"other","direction":"sideways","path":"../x","url":"rtsp://user:pw@host/x","transport":"sctp",
                 "onDemand":"yes","lingerSeconds":3601}"""), "cam1"));
        assertEquals(400, e.status());
        JsonObject fields = e.details().getJsonObject("fields");
        assertEquals(List.of("name", "direction", "onDemand", "path", "url", "transport", "lingerSeconds"),
                List.copyOf(fields.keySet()));
        assertEquals("No user or password in the URL: put them in the user and password fields.", fields.getString("url"));
        assertEquals("Choose pull or push.", fields.getString("direction"));
        assertEquals("must be true or false", fields.getString("onDemand"));

        ApiException missing = assertThrows(ApiException.class, () -> RelayJson.spec(JsonBody.parse("{}"), "cam1"));
        assertEquals(List.of("direction", "path", "url"), List.copyOf(missing.details().getJsonObject("fields").keySet()));
    }

    @Test
    void thePasswordIsNeverWrittenAndTheUserOnlyForAdmins() {
        RelayStatus status = new RelayStatus(CAM, true, null, T, T);
        assertNull(status.spec().password(), "the status carries no password");
        for (boolean admin : List.of(true, false)) {
            String text = JSONB.toJson(Relay.of(status, admin));
            assertFalse(text.contains(SECRET), text);
            assertFalse(text.contains("\"password\""), text);
            JsonObject json = written(Relay.of(status, admin));
            assertTrue(json.getBoolean("hasPassword"));
            assertEquals(admin ? Json.createValue("viewer") : JsonValue.NULL, json.get("user"));
        }
    }

    @Test
    void aRelayTheAdapterDoesNotRunSaysWhy() {
        JsonObject json = written(Relay.of(new RelayStatus(CAM, false, null, T, T), true));
        assertEquals(List.of("name", "direction", "path", "url", "user", "hasPassword", "transport", "mode", "onDemand",
                "lingerSeconds", "enabled", "state", "bitsPerSecond", "viewers", "reconnects", "connectedAt", "lastError",
                "lastErrorAt", "codecs"), List.copyOf(json.keySet()));
        assertEquals("pull", json.getString("direction"));
        assertEquals("on-demand", json.getString("mode"));
        assertEquals("not running", json.getString("state"));
        assertTrue(json.getString("lastError").startsWith("not running: the streaming adapter does not run it"));
        assertEquals(JsonValue.NULL, json.get("connectedAt"));
        assertFalse(json.getBoolean("hasPassword"));

        JsonObject disabled = written(Relay.of(new RelayStatus(CAM.withEnabled(false), false, null, T, T), true));
        assertEquals("disabled", disabled.getString("state"));
        assertEquals(JsonValue.NULL, disabled.get("lastError"));
    }

    @Test
    void onAClusterEdgeAnEnabledRelayRunsOnTheOrigin() {
        JsonObject json = written(Relay.of(new RelayStatus(CAM, false, null, T, T, true), true));
        assertEquals("on the origin", json.getString("state"));
        assertEquals(JsonValue.NULL, json.get("lastError"));
        JsonObject disabled = written(Relay.of(new RelayStatus(CAM.withEnabled(false), false, null, T, T, true), true));
        assertEquals("disabled", disabled.getString("state"));
    }

    @Test
    void aRunningRelayHasTheAdaptersState() {
        RelayInfo info = new RelayInfo("cam1", RelayDefinition.Direction.PULL, "live/cam1.sdp", "rtsp://10.0.0.5:8554/stream1",
                "tcp", "on-demand", "backing off", 1_500_000, 2, 3, T.minusSeconds(30), "connection refused", T,
                "H264, MPEG4-GENERIC");
        JsonObject json = written(Relay.of(new RelayStatus(CAM, true, info, T, T), false));
        assertEquals("backing off", json.getString("state"));
        assertEquals(1_500_000, json.getJsonNumber("bitsPerSecond").longValue());
        assertEquals(2, json.getInt("viewers"));
        assertEquals(3, json.getJsonNumber("reconnects").longValue());
        assertEquals("2026-12-05T19:59:30Z", json.getString("connectedAt"));
        assertEquals("connection refused", json.getString("lastError"));
        assertEquals("2026-12-05T20:00:00Z", json.getString("lastErrorAt"));
        assertEquals("H264, MPEG4-GENERIC", json.getString("codecs"));
    }
}
