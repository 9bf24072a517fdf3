package org.tributary.it.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.Tools;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Channels through /api/channels: a Darwin .ply + .config imported as a channel that starts and plays over
 * RTSP (ffprobe finds H.264 + AAC at its mount), a bad playlist refused with file:line problems, an item of
 * other codec parameters refused at start naming the file, and start/skip/log/stop round-trips. Uses the
 * sample media's channels/one|two|three.mp4 (8 s, 320x180 H.264 + AAC, equal parameters) and sample.mp4
 * (640x360).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChannelsApiIT {

    private static final ConsoleApi ADMIN = ConsoleApi.admin();
    private final List<String> created = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @AfterEach
    void deleteChannels() throws Exception {
        for (String name : created) {
            ADMIN.delete("/api/channels/" + name);
        }
    }

    private String unique(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        created.add(name);
        return name;
    }

    private static JsonObject object(HttpResponse<String> response) {
        return ConsoleApiIT.object(response);
    }

    private static String importBody(String name, String mount, String playlist, String config) {
        return Json.createObjectBuilder().add("name", name).add("mount", mount).add("playlist", playlist)
                .add("playlistFileName", "news.ply").add("config", config).add("configFileName", "news.config")
                .build().toString();
    }

    private static String createBody(String name, String mount, String... paths) {
        var items = Json.createArrayBuilder();
        for (String p : paths) {
            items.add(Json.createObjectBuilder().add("path", p).add("weight", 5));
        }
        return Json.createObjectBuilder().add("name", name).add("mount", mount).add("kind", "stream")
                .add("mode", "sequential_looped").add("items", items).build().toString();
    }

    @Test
    void aDarwinPlaylistAndConfigBecomeAChannelThatPlaysOverRtsp() throws Exception {
        String name = unique("it-ply");
        String mount = "channels/" + name + ".sdp";
        String playlist = """
                *PLAY-LIST*
                # Darwin's absolute paths, one relative one
                /Library/QuickTimeStreaming/Movies/channels/one.mp4 5
                "/Library/QuickTimeStreaming/Movies/channels/two.mp4" 3
                channels/three.mp4
                """;
        String config = """
                play_mode weighted_random
                recent_movies_list_size 2
                max_upcoming_list_size 4
                sdp_reference_movie /Library/QuickTimeStreaming/Movies/channels/one.mp4
                broadcast_colour blue
                """;
        HttpResponse<String> imported = ADMIN.postJson("/api/channels/import", importBody(name, mount, playlist, config));
        assertEquals(201, imported.statusCode(), imported.body());
        JsonObject channel = object(imported);
        assertEquals("weighted_random", channel.getString("mode"));
        assertEquals(2, channel.getInt("recentWindow"));
        assertEquals(4, channel.getInt("upcomingCount"));
        assertEquals("channels/one.mp4", channel.getString("referenceItem"));
        assertEquals("stream", channel.getString("kind"));
        assertEquals("stopped", channel.getString("state"));
        assertEquals(List.of("channels/one.mp4", "channels/two.mp4", "channels/three.mp4"), channel.getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(i -> i.getString("path")).toList());
        assertTrue(channel.getJsonArray("warnings").getString(0).startsWith("news.config:5: "), imported.body());

        HttpResponse<String> started = ADMIN.postJson("/api/channels/" + name + "/start", "{}");
        assertEquals(200, started.statusCode(), started.body());
        assertTrue(object(started).getBoolean("running"), started.body());

        Tools.Result probe = Tools.run(40, "ffprobe", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp",
                "-show_entries", "stream=codec_type,codec_name", "-of", "csv=p=0", Endpoints.RTSP + mount);
        assertEquals(0, probe.exitCode(), probe.stderr());
        assertTrue(probe.lines().contains("h264,video") && probe.lines().contains("aac,audio"), probe.lines().toString());

        HttpResponse<String> playlistExport = ADMIN.get("/api/channels/" + name + "/export/playlist");
        assertEquals(200, playlistExport.statusCode());
        assertEquals("*PLAY-LIST*\nchannels/one.mp4 5\nchannels/two.mp4 3\nchannels/three.mp4\n", playlistExport.body());
        String configExport = ADMIN.get("/api/channels/" + name + "/export/config").body();
        assertTrue(configExport.contains("play_mode weighted_random\n") && configExport.contains("recent_movies_list_size 2\n")
                && configExport.contains("destination_sdp_file " + mount + "\n"), configExport);
    }

    @Test
    void aBadPlaylistIsRefusedWithItsFileAndLine() throws Exception {
        String name = unique("it-bad");
        HttpResponse<String> weight = ADMIN.postJson("/api/channels/import", importBody(name, "channels/" + name + ".sdp",
                "*PLAY-LIST*\nchannels/one.mp4\nchannels/two.mp4 11\n", "play_mode sequential\n"));
        assertEquals(400, weight.statusCode(), weight.body());
        List<String> problems = object(weight).getJsonArray("problems").getValuesAs(JsonString::getString);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("news.ply:3: ") && problems.get(0).contains("11"), problems.toString());

        HttpResponse<String> header = ADMIN.postJson("/api/channels/import", importBody(name, "channels/" + name + ".sdp",
                "channels/one.mp4\n", "play_mode shuffle\n"));
        assertEquals(400, header.statusCode(), header.body());
        List<String> both = object(header).getJsonArray("problems").getValuesAs(JsonString::getString);
        assertTrue(both.contains("news.ply:1: the first line must be *PLAY-LIST*"), both.toString());
        assertTrue(both.stream().anyMatch(p -> p.startsWith("news.config:1: play_mode")), both.toString());
        assertEquals(404, ADMIN.get("/api/channels/" + name).statusCode(), "nothing was stored");
    }

    @Test
    void anItemOfOtherParametersIsRefusedAtStartNamingTheFile() throws Exception {
        String name = unique("it-mixed");
        HttpResponse<String> create = ADMIN.postJson("/api/channels",
                createBody(name, "channels/" + name + ".sdp", "channels/one.mp4", "sample.mp4"));
        assertEquals(201, create.statusCode(), create.body());
        assertTrue(create.headers().firstValue("Location").orElse("").endsWith("/api/channels/" + name), create.headers().toString());
        assertEquals(409, ADMIN.postJson("/api/channels", createBody(name, "channels/x.sdp", "channels/one.mp4")).statusCode());

        HttpResponse<String> start = ADMIN.postJson("/api/channels/" + name + "/start", "{}");
        assertEquals(400, start.statusCode(), start.body());
        List<String> problems = object(start).getJsonArray("problems").getValuesAs(JsonString::getString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("sample.mp4")), problems.toString());
        JsonObject after = object(ADMIN.get("/api/channels/" + name));
        assertFalse(after.getBoolean("running"), after.toString());
        assertEquals("stopped", after.getString("state"));

        HttpResponse<String> invalid = ADMIN.postJson("/api/channels", createBody("it bad", "/abs.sdp", "channels/one.mp4"));
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertTrue(object(invalid).getJsonObject("fields").containsKey("name")
                && object(invalid).getJsonObject("fields").containsKey("mount"), invalid.body());
    }

    @Test
    void startSkipLogAndStopRoundTrip() throws Exception {
        String name = unique("it-trip");
        String mount = "channels/" + name + ".sdp";
        assertEquals(201, ADMIN.postJson("/api/channels",
                createBody(name, mount, "channels/one.mp4", "channels/two.mp4", "channels/three.mp4")).statusCode());
        assertEquals(409, ADMIN.postJson("/api/channels/" + name + "/skip", "{}").statusCode(), "not running");

        JsonObject started = object(ADMIN.postJson("/api/channels/" + name + "/start", "{}"));
        assertEquals("playing", started.getString("state"), started.toString());
        assertEquals("channels/one.mp4", started.getJsonObject("nowPlaying").getString("path"), started.toString());
        assertEquals("channels/two.mp4", started.getJsonArray("upcoming").getString(0), started.toString());

        JsonObject skipped = object(ADMIN.postJson("/api/channels/" + name + "/skip", "{}"));
        assertEquals("channels/two.mp4", skipped.getJsonObject("nowPlaying").getString("path"), skipped.toString());

        HttpResponse<String> inserted = ADMIN.postJson("/api/channels/" + name + "/insert",
                "{\"items\":[{\"path\":\"channels/three.mp4\"}]}");
        assertEquals(200, inserted.statusCode(), inserted.body());
        assertEquals("channels/three.mp4", object(inserted).getJsonArray("upcoming").getString(0), inserted.body());

        List<String> log = ConsoleApiIT.array(ADMIN.get("/api/channels/" + name + "/log")).getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("path")).toList();
        assertEquals(List.of("channels/one.mp4", "channels/two.mp4"), log);

        HttpResponse<String> replaced = ADMIN.putJson("/api/channels/" + name + "/items",
                "{\"items\":[{\"path\":\"channels/three.mp4\",\"weight\":2},{\"path\":\"channels/one.mp4\"}]}");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(2, object(replaced).getJsonArray("items").size());
        HttpResponse<String> refused = ADMIN.putJson("/api/channels/" + name + "/items", "{\"items\":[{\"path\":\"sample.mp4\"}]}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(2, object(ADMIN.get("/api/channels/" + name)).getJsonArray("items").size(), "the refused list was not stored");

        JsonObject stopped = object(ADMIN.postJson("/api/channels/" + name + "/stop", "{}"));
        assertEquals("stopped", stopped.getString("state"));
        assertFalse(stopped.getBoolean("running"));
        Tools.Result probe = Tools.run(30, "ffprobe", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp",
                "-show_entries", "stream=codec_type", "-of", "csv=p=0", Endpoints.RTSP + mount);
        assertFalse(probe.exitCode() == 0, "nothing plays at the mount of a stopped channel: " + probe.stdout());

        assertEquals(204, ADMIN.delete("/api/channels/" + name).statusCode());
        assertEquals(404, ADMIN.get("/api/channels/" + name).statusCode());
    }
}
