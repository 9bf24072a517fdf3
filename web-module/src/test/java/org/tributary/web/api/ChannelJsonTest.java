package org.tributary.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tributary.api.ChannelInfo;
import org.tributary.api.ChannelKind;
import org.tributary.api.PlayLogEntry;
import org.tributary.api.playlist.PlayMode;
import org.tributary.ejb.channels.ChannelSpec;
import org.tributary.ejb.channels.ChannelStatus;
import org.tributary.web.api.model.Channel;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A channel read from a request body field by field, and written as the API's channel JSON. */
class ChannelJsonTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Instant T = Instant.parse("2026-12-05T20:00:00Z");
    private static final ChannelSpec NEWS = new ChannelSpec("news", "channels/news.sdp", ChannelKind.STREAM,
            PlayMode.WEIGHTED_RANDOM, 2, 5, List.of(new ChannelSpec.Item("channels/one.mp4", 10),
            new ChannelSpec.Item("channels/two.mp4", 3)), null, null, null, null);

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static JsonObject written(Object body) {
        return Json.createReader(new StringReader(JSONB.toJson(body))).readObject();
    }

    @Test
    void aBodyIsReadWithDarwinsDefaults() {
        ChannelSpec spec = ChannelJson.spec(JsonBody.parse("""
                {"name":"news","mount":"channels/news.sdp","kind":"STREAM","mode":"weighted_random","recentWindow":2,
                 "upcomingCount":5,"items":[{"path":"channels/one.mp4"},{"path":"channels/two.mp4","weight":3}]}"""), null);
        assertEquals(NEWS, spec);
        ChannelSpec defaults = ChannelJson.spec(JsonBody.parse("""
                {"mount":"radio/jazz","kind":"radio","items":[{"path":"radio/a.mp3"}],"title":"Jazz FM"}"""), "jazz");
        assertEquals(PlayMode.SEQUENTIAL_LOOPED, defaults.mode());
        assertEquals(7, defaults.upcomingCount());
        assertEquals("jazz", defaults.name());
        assertEquals("Jazz FM", defaults.title());
    }

    @Test
    void everyBadFieldIsNamedInTheFieldsOfThe400() {
        ApiException e = assertThrows(ApiException.class, () -> ChannelJson.spec(JsonBody.parse("""
                {"name":"a b","mount":"../x","kind":"tv","mode":"shuffle","upcomingCount":51,
                 "items":[{"path":"a.mp4","weight":11}]}"""), null));
        assertEquals(400, e.status());
        JsonObject fields = e.details().getJsonObject("fields");
        assertEquals(List.of("kind", "mode", "name", "mount", "upcomingCount", "items"), List.copyOf(fields.keySet()));
        assertEquals("Choose stream or radio.", fields.getString("kind"));
        assertEquals("Item 1: the weight must be 1 to 10.", fields.getString("items"));

        ApiException noItems = assertThrows(ApiException.class, () -> ChannelJson.itemsOnly(JsonBody.parse("{\"items\":[]}")));
        assertEquals("At least one item is needed.", noItems.details().getJsonObject("fields").getString("items"));
        ApiException renamed = assertThrows(ApiException.class, () -> ChannelJson.spec(JsonBody.parse(
                "{\"name\":\"other\",\"mount\":\"m.sdp\",\"kind\":\"stream\",\"items\":[{\"path\":\"a.mp4\"}]}"), "news"));
        assertTrue(renamed.details().getJsonObject("fields").getString("name").contains("cannot change"));
    }

    @Test
    void aStoppedChannelHasNullsAndEmptyLists() {
        JsonObject json = written(Channel.of(new ChannelStatus(NEWS, false, null, null, T, T)));
        assertEquals(List.of("name", "mount", "kind", "mode", "recentWindow", "upcomingCount", "items", "referenceItem",
                "title", "genre", "description", "running", "state", "nowPlaying", "upcoming", "audience", "itemsPlayed",
                "lastError", "startedAt"), List.copyOf(json.keySet()));
        assertEquals("stream", json.getString("kind"));
        assertEquals("weighted_random", json.getString("mode"));
        assertEquals("stopped", json.getString("state"));
        assertEquals(JsonValue.NULL, json.get("nowPlaying"));
        assertEquals(JsonValue.NULL, json.get("referenceItem"));
        assertEquals(0, json.getJsonArray("upcoming").size());
        assertEquals(3, json.getJsonArray("items").getJsonObject(1).getInt("weight"));
        assertEquals(false, json.getBoolean("running"));
    }

    @Test
    void aPlayingChannelHasItsNowPlayingAndUpNext() {
        PlayLogEntry now = new PlayLogEntry(T, "channels/two.mp4", "Two");
        ChannelInfo info = new ChannelInfo("news", "channels/news.sdp", ChannelKind.STREAM, PlayMode.WEIGHTED_RANDOM,
                "playing", now, List.of("channels/one.mp4"), 2, 5, null, T.minusSeconds(60), List.of(now));
        JsonObject json = written(Channel.of(new ChannelStatus(NEWS, true, info, null, T, T)));
        assertEquals("playing", json.getString("state"));
        assertEquals("channels/two.mp4", json.getJsonObject("nowPlaying").getString("path"));
        assertEquals("Two", json.getJsonObject("nowPlaying").getString("title"));
        assertEquals("2026-12-05T20:00:00Z", json.getJsonObject("nowPlaying").getString("startedAt"));
        assertEquals(List.of("channels/one.mp4"), json.getJsonArray("upcoming").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(2, json.getInt("audience"));
        assertEquals(5, json.getInt("itemsPlayed"));
        assertEquals("2026-12-05T19:59:00Z", json.getString("startedAt"));
    }

    @Test
    void aChannelStoredAsRunningThatDoesNotPlayHasFailedWithItsStartProblems() {
        JsonObject json = written(Channel.of(new ChannelStatus(NEWS, true, null,
                "channels/two.mp4: video is 640x360, the channel's is 320x180", T, T)));
        assertEquals("failed", json.getString("state"));
        assertEquals("not playing: refused at startup: channels/two.mp4: video is 640x360, the channel's is 320x180",
                json.getString("lastError"));
    }

    @Test
    void onAClusterEdgeARunningChannelPlaysOnTheOrigin() {
        JsonObject json = written(Channel.of(new ChannelStatus(NEWS, true, null, null, T, T, true)));
        assertEquals("on the origin", json.getString("state"));
        assertEquals(JsonValue.NULL, json.get("lastError"));
        assertEquals("stopped", written(Channel.of(new ChannelStatus(NEWS, false, null, null, T, T, true))).getString("state"));
    }
}
