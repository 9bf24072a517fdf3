package org.tributary.web.api.model;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tributary.api.LocalBroadcasterInfo;
import org.tributary.api.MediaFileInfo;
import org.tributary.api.MediaTrackInfo;
import org.tributary.api.SessionInfo;
import org.tributary.api.settings.SettingValues;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.stats.FileCount;
import org.tributary.ejb.stats.StatsSample;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The records are written by JSON-B as the hand-built JSON was: names, nulls kept or left out, numbers. */
class ApiBodiesJsonTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Instant T = Instant.parse("2026-11-25T15:01:20Z");

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static JsonObject written(Object body) {
        return Json.createReader(new StringReader(JSONB.toJson(body))).readObject();
    }

    @Test
    void aSessionWithoutUserSendsNullAndAnEmptyUserAgent() {
        JsonObject json = written(LiveSession.of(new SessionInfo("s1", "10.0.0.2", "a.mp4", "udp", "PLAYING", null, T,
                1000, 10, 2, 1.5, 3, null, 8000, 4, 3, 1, 7, 2)));
        assertEquals(List.of("id", "clientAddress", "path", "transport", "state", "userAgent", "startedAt", "bytesSent",
                "packetsSent", "packetsLost", "jitterMillis", "receiverReports", "userName", "bitsPerSecond",
                "rtxRequested", "rtxSent", "rtxTooLate", "thinnedFrames", "thinningChanges"), List.copyOf(json.keySet()),
                "the members in the API's order");
        assertEquals(JsonValue.NULL, json.get("userName"));
        assertEquals("", json.getString("userAgent"));
        assertEquals("2026-11-25T15:01:20Z", json.getString("startedAt"));
        assertEquals(1000L, json.getJsonNumber("bytesSent").longValue());
        assertEquals(1.5, json.getJsonNumber("jitterMillis").doubleValue());
        assertEquals(1, json.getInt("rtxTooLate"));
        assertEquals(7, json.getInt("thinnedFrames"));
        assertEquals(2, json.getInt("thinningChanges"));
    }

    @Test
    void aMediaFileOfUnknownLengthHasNullsAndItsDurationToTheMillisecond() {
        MediaTrackInfo track = new MediaTrackInfo("audio", "mpeg4-generic", "44100 Hz");
        JsonObject unknown = written(MediaFile.of(new MediaFileInfo("x.mp4", 5, null, Double.NaN, false, false,
                "no tracks", List.of(track)), "rtsp://h/x.mp4"));
        assertEquals(JsonValue.NULL, unknown.get("modified"));
        assertEquals(JsonValue.NULL, unknown.get("durationSeconds"));
        assertEquals("mpeg4-generic", unknown.getJsonArray("tracks").getJsonObject(0).getString("codec"));
        JsonObject known = written(MediaFile.of(new MediaFileInfo("y.mp4", 5, T, 12.34567, true, true, null,
                List.of()), "rtsp://h/y.mp4"));
        assertEquals(12.346, known.getJsonNumber("durationSeconds").doubleValue());
        assertEquals(JsonValue.NULL, known.get("problem"));
        assertTrue(known.getBoolean("playable"));
    }

    @Test
    void aStoppedLocalBroadcasterHasNoPid() {
        JsonObject json = written(LocalBroadcaster.of(new LocalBroadcasterInfo("cam", "live/cam", "always",
                List.of("ffmpeg", "-re"), "STOPPED", -1, 2, null, null, 0, 30, 10)));
        assertEquals(JsonValue.NULL, json.get("pid"));
        assertEquals(JsonValue.NULL, json.get("lastExitCode"));
        assertEquals(JsonValue.NULL, json.get("lastExitAt"));
        assertEquals(List.of("ffmpeg", "-re"), json.getJsonArray("command").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(2, json.getInt("restarts"));
    }

    @Test
    void anErrorLeavesOutTheMembersItDoesNotHave() {
        JsonObject plain = written(new ApiError(404, "user 'x' not found", null, null));
        assertEquals(List.of("status", "error"), List.copyOf(plain.keySet()));
        assertEquals(404, plain.getInt("status"));
        assertFalse(plain.containsKey("fields"));
        JsonObject fields = written(new ApiError(400, "invalid", Map.of("name", "is required"), null));
        assertEquals("is required", fields.getJsonObject("fields").getString("name"));
    }

    @Test
    void statsListTransportsAndTopFiles() {
        JsonObject json = written(StatsBody.of(new StatsSample(T, 3, 3, 1092344, 131, 0.04,
                Map.of("udp", 2, "tcp", 1), List.of(new FileCount("long.mp4", 2)))));
        assertEquals(List.of("tcp", "udp"), List.copyOf(json.getJsonObject("sessionsByTransport").keySet()));
        assertEquals(0.04, json.getJsonNumber("processCpuLoad").doubleValue());
        assertEquals(2, json.getJsonArray("topFiles").getJsonObject(0).getInt("sessions"));
        assertEquals("2026-11-25T15:01:20Z", json.getString("time"));
    }

    @Test
    void anAudienceIsWrittenInLowerCaseWithADash() {
        JsonObject json = written(RulePermission.of(new Permission(Audience.ANY_USER, List.of(), List.of("staff"))));
        assertEquals("any-user", json.getString("audience"));
        assertEquals(0, json.getJsonArray("users").size());
        assertEquals("staff", json.getJsonArray("groups").getString(0));
    }

    @Test
    void settingsAreNumbersOrStringsByTheirType() {
        JsonObject json = written(SettingsMap.of(SettingValues.of(Map.of("rtspPort", "8554", "rtspBindAddress", "0.0.0.0"))));
        assertEquals(8554, json.getInt("rtspPort"));
        assertEquals("0.0.0.0", json.getString("rtspBindAddress"));
    }

    @Test
    void everyRecordWritesItsMembersInTheOrderItDeclaresThem() throws IOException, ClassNotFoundException {
        // JSON-B's own order is alphabetical; the API has always answered in its own order.
        List<String> records = new java.util.ArrayList<>();
        try (var files = Files.list(Path.of("target/classes/org/tributary/web/api/model"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Class<?> type = Class.forName(getClass().getPackageName() + "." + file.getFileName().toString().replace(".class", ""));
                if (!type.isRecord() || type.getRecordComponents().length < 2) {
                    continue;
                }
                records.add(type.getSimpleName());
                List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
                JsonbPropertyOrder order = type.getAnnotation(JsonbPropertyOrder.class);
                assertEquals(components, order == null ? List.of() : List.of(order.value()), type.getSimpleName());
            }
        }
        assertTrue(records.contains("LiveSession") && records.size() > 20, records.toString());
    }
}
