package org.tributary.it.hls;

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
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.ejb.logs.AccessLog;
import org.tributary.ejb.logs.W3cLogParser;
import org.tributary.ejb.users.UserService;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.Tools;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HLS of files through Undertow, with real clients: ffprobe reads the multivariant playlist of the 30 s clip
 * (H.264 + AAC, duration within a segment), ffmpeg decodes at least 95 % of the frames of its first 10 s, a
 * seek to 20 s needs only the init segment and the segment holding 20 s; curl sees the types, caching and byte ranges; a protected folder answers 401 without
 * credentials, 200 with a user's Basic or Digest credentials or a token minted through the API, 403 for a
 * tampered token and for one past its expiry; the user's viewing leaves one access-log line (protocol HLS).
 */
@ExtendWith(ArquillianExtension.class)
class HlsFilesIT {

    static final String HLS = Endpoints.HTTP + "/hls/";
    static final String FENCED = "it-hls-fenced";
    static final String USER = "it-hls-viewer";
    static final String PASSWORD = "hls pass 1";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(HlsFilesIT.class, Tools.class);
    }

    @EJB
    UserService users;

    @EJB
    AccessService access;

    @EJB
    AccessLog accessLog;

    static Path root() {
        return Path.of(System.getProperty("tributary.media.root"));
    }

    @BeforeEach
    void fencedFolder() throws Exception {
        Files.createDirectories(root().resolve(FENCED));
        Files.copy(root().resolve("tiny.mp4"), root().resolve(FENCED).resolve("tiny.mp4"),
                StandardCopyOption.REPLACE_EXISTING);
        users.putUser(USER, null, PASSWORD);
        users.putGroup("it-hls-viewers", List.of(USER));
        access.putRule(new RuleSpec(FENCED, null, null, Permission.listed(List.of(), List.of("it-hls-viewers")),
                null, null, null, "IT"));
    }

    @AfterEach
    void removeThem() {
        access.removeRule(FENCED);
        users.removeGroup("it-hls-viewers");
        users.removeUser(USER);
    }

    /** What curl received: status, header lines and the body. */
    record Fetched(int status, List<String> headers, byte[] body) {
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Fetched curl(String... args) throws Exception {
        Path dir = Files.createTempDirectory("hls-curl");
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-D", dir.resolve("h").toString(),
                "-o", dir.resolve("b").toString()));
        command.addAll(List.of(args));
        Tools.Result r = Tools.run(40, command.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> all = Files.readAllLines(dir.resolve("h"));
        int last = 0; // with --digest curl writes the 401's headers first: keep the last response's
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("HTTP/")) {
                last = i;
            }
        }
        List<String> headers = all.subList(last, all.size());
        byte[] body = Files.exists(dir.resolve("b")) ? Files.readAllBytes(dir.resolve("b")) : new byte[0];
        return new Fetched(Integer.parseInt(headers.get(0).split(" ")[1]), headers, body);
    }

    @Test
    void ffprobeReadsTheCodecsAndTheDuration() throws Exception {
        Tools.Result probe = Tools.run(60, "ffprobe", "-v", "error", "-show_entries",
                "stream=codec_name,width,height:format=duration", "-of", "compact", HLS + "long.mp4/index.m3u8");
        assertEquals(0, probe.exitCode(), probe.stderr());
        String out = probe.stdout();
        assertTrue(out.contains("codec_name=h264|width=320|height=180"), out);
        assertTrue(out.contains("codec_name=aac"), out);
        double duration = Double.parseDouble(out.substring(out.indexOf("duration=") + 9).trim().split("\\s")[0]);
        assertTrue(Math.abs(duration - 30) <= 6, "30 s within one segment: " + duration);
    }

    @Test
    void ffmpegDecodesTheFirstTenSeconds() throws Exception {
        Tools.Result decoded = Tools.run(120, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-i", HLS + "long.mp4/index.m3u8", "-t", "10", "-f", "framemd5", "-");
        assertEquals(0, decoded.exitCode(), decoded.stderr());
        int[] frames = Tools.framesPerStream(decoded);
        assertTrue(frames[0] >= 0.95 * 250, "video frames of 10 s at 25 fps: " + frames[0]);
        assertTrue(frames[1] >= 0.95 * 10 * 48_000 / 1024, "audio frames of 10 s: " + frames[1]);

    }

    /**
     * A player seeking to 20 s loads the media playlist, adds up the EXTINF durations to find the segment holding
     * 20 s and fetches only it after the init segment: that pair decodes, starting with a key frame at the
     * segment's own time (tfdt), at or before 20 s and less than a target duration before it. (Debian's ffmpeg 5.1
     * cannot seek in fragmented-MP4 HLS itself, whoever made the segments: its -ss 20 decodes nothing.)
     */
    @Test
    void aSeekToTwentySecondsNeedsOnlyTheSegmentHoldingIt() throws Exception {
        String media = curl(HLS + "long.mp4/media.m3u8").text();
        int target = Integer.parseInt(media.substring(media.indexOf("#EXT-X-TARGETDURATION:") + 22).split("\n")[0]);
        double start = 0;
        int index = 0;
        for (String line : media.split("\n")) {
            if (line.startsWith("#EXTINF:")) {
                double duration = Double.parseDouble(line.substring(8, line.indexOf(',')));
                if (start + duration > 20) {
                    break;
                }
                start += duration;
                index++;
            }
        }
        Path pair = Files.createTempFile("hls-seek", ".mp4");
        byte[] init = curl(HLS + "long.mp4/init.mp4").body();
        byte[] segment = curl(HLS + "long.mp4/seg" + index + ".m4s").body();
        Files.write(pair, init);
        Files.write(pair, segment, java.nio.file.StandardOpenOption.APPEND);
        Tools.Result frames = Tools.run(60, "ffprobe", "-v", "error", "-select_streams", "v", "-show_entries",
                "frame=pts_time,key_frame", "-of", "csv=p=0", pair.toString());
        assertEquals(0, frames.exitCode(), frames.stderr());
        List<String> lines = frames.lines().stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
        assertTrue(lines.size() >= 25, "a second of frames or more: " + lines.size() + " " + frames.stderr());
        String[] first = lines.get(0).split(",");
        double firstTime = Double.parseDouble(first[1]);
        assertEquals("1", first[0], "the segment starts with a key frame: " + lines.get(0));
        assertTrue(firstTime <= 20 && firstTime > 20 - target, "segment " + index + " starts at " + firstTime);
        assertEquals(start, firstTime, 0.2, "its time is the playlist's");
    }

    @Test
    void typesCachingByteRangesAndRefusals() throws Exception {
        Fetched index = curl(HLS + "sample.mp4/index.m3u8");
        assertEquals(200, index.status());
        assertEquals("application/vnd.apple.mpegurl", index.header("Content-Type"));
        assertTrue(index.text().contains("CODECS=\"avc1.4d401e,mp4a.40.2\",RESOLUTION=640x360"), index.text());
        Fetched media = curl(HLS + "sample.mp4/media.m3u8");
        assertTrue(media.text().contains("#EXT-X-PLAYLIST-TYPE:VOD\n") && media.text().endsWith("#EXT-X-ENDLIST\n"),
                media.text());
        assertEquals("max-age=60", media.header("Cache-Control"));
        assertEquals(null, media.header("Content-Encoding"), "no gzip for a client that did not ask");
        Fetched compressed = curl("--compressed", HLS + "sample.mp4/media.m3u8");
        assertEquals("gzip", compressed.header("Content-Encoding"));
        assertEquals(media.text(), compressed.text(), "the same playlist once curl has unzipped it");
        Fetched init = curl(HLS + "sample.mp4/init.mp4");
        assertEquals("video/mp4", init.header("Content-Type"));
        Fetched segment = curl(HLS + "sample.mp4/seg0.m4s");
        assertEquals(200, segment.status());
        assertEquals("video/iso.segment", segment.header("Content-Type"));
        assertEquals("max-age=86400", segment.header("Cache-Control"));
        assertEquals("bytes", segment.header("Accept-Ranges"));

        Fetched range = curl("-r", "100-299", HLS + "sample.mp4/seg0.m4s");
        assertEquals(206, range.status());
        assertEquals("bytes 100-299/" + segment.body().length, range.header("Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(segment.body(), 100, 300), range.body());
        Fetched past = curl("-r", segment.body().length + "-", HLS + "sample.mp4/seg0.m4s");
        assertEquals(416, past.status());
        assertEquals("bytes */" + segment.body().length, past.header("Content-Range"));

        assertEquals(404, curl(HLS + "sample.mp4/seg999.m4s").status());
        assertEquals(404, curl(HLS + "no-such-file.mp4/index.m3u8").status());
        assertEquals(404, curl(HLS + "sample.mp4/other.txt").status());
        Fetched unplayable = curl(HLS + "sample.3gp/index.m3u8");
        assertEquals(415, unplayable.status());
        assertEquals("sample.3gp: HLS cannot carry its video codec 'mp4v' (H.264 and H.265 only)\n", unplayable.text());
    }

    @Test
    void anotherSiteMayPlayOnceItsOriginIsAllowed() throws Exception {
        String origin = "https://intranet.example.com";
        Fetched before = curl("-H", "Origin: " + origin, HLS + "sample.mp4/index.m3u8");
        assertEquals(null, before.header("Access-Control-Allow-Origin"), "no origin is allowed by default");
        Fetched refusedPreflight = curl("-X", "OPTIONS", "-H", "Origin: " + origin, "-H", "Access-Control-Request-Method: GET",
                HLS + "sample.mp4/seg0.m4s");
        assertEquals(204, refusedPreflight.status());
        assertEquals(null, refusedPreflight.header("Access-Control-Allow-Origin"));
        HttpResponse<String> allow = ConsoleApi.admin().putJson("/api/settings", "{\"hlsCorsOrigin\": \"" + origin + "\"}");
        assertEquals(200, allow.statusCode(), allow.body());
        try {
            Fetched get = curl("-H", "Origin: " + origin, HLS + "sample.mp4/index.m3u8");
            assertEquals(origin, get.header("Access-Control-Allow-Origin"));
            assertEquals("Content-Length, Content-Range", get.header("Access-Control-Expose-Headers"));
            Fetched preflight = curl("-X", "OPTIONS", "-H", "Origin: " + origin, "-H", "Access-Control-Request-Method: GET",
                    "-H", "Access-Control-Request-Headers: range", HLS + "sample.mp4/seg0.m4s");
            assertEquals(204, preflight.status());
            assertEquals(origin, preflight.header("Access-Control-Allow-Origin"));
            assertEquals("Range, Authorization", preflight.header("Access-Control-Allow-Headers"));
            assertEquals("GET, HEAD, OPTIONS", preflight.header("Access-Control-Allow-Methods"));
            assertEquals("600", preflight.header("Access-Control-Max-Age"));
        } finally {
            HttpResponse<String> reset = ConsoleApi.admin().delete("/api/settings");
            assertEquals(200, reset.statusCode(), reset.body());
        }
    }

    @Test
    void aProtectedFileNeedsCredentialsOrAToken() throws Exception {
        String playlist = HLS + FENCED + "/tiny.mp4/index.m3u8";
        Fetched anonymous = curl(playlist);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.headers().stream().anyMatch(h -> h.startsWith("WWW-Authenticate: Basic")),
                anonymous.headers().toString());
        Fetched basic = curl("--user", USER + ":" + PASSWORD, playlist);
        assertEquals(200, basic.status(), basic.text());
        Fetched digest = curl("--digest", "--user", USER + ":" + PASSWORD, playlist);
        assertEquals(200, digest.status(), digest.text() + digest.headers());
        // the user's viewing is a session of the console's and the API's list until it ends; it cannot be disconnected
        HttpResponse<String> sessions = ConsoleApi.admin().get("/api/sessions");
        JsonObject viewing = Json.createReader(new StringReader(sessions.body())).readArray().stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(s -> "HLS".equals(s.getString("transport")) && (FENCED + "/tiny.mp4").equals(s.getString("path")))
                .findFirst().orElseThrow(() -> new AssertionError("no HLS session in " + sessions.body()));
        assertEquals(USER, viewing.getString("userName"), viewing.toString());
        assertTrue(viewing.getJsonNumber("bytesSent").longValue() > 0, viewing.toString());
        HttpResponse<String> end = ConsoleApi.admin().delete("/api/sessions/" + viewing.getString("id"));
        assertEquals(409, end.statusCode(), end.body());

        HttpResponse<String> minted = ConsoleApi.admin().postJson("/api/hls/tokens",
                "{\"path\": \"" + FENCED + "/tiny.mp4\", \"seconds\": 60}");
        assertEquals(200, minted.statusCode(), minted.body());
        JsonObject token = Json.createReader(new StringReader(minted.body())).readObject();
        String url = "http://127.0.0.1:" + Endpoints.HTTP_PORT + token.getString("url");
        Fetched withToken = curl(url);
        assertEquals(200, withToken.status(), withToken.text());
        assertTrue(withToken.text().contains("media.m3u8?token="), withToken.text());
        Fetched mediaWithToken = curl(url.replace("index.m3u8", "media.m3u8"));
        assertTrue(mediaWithToken.text().contains("seg0.m4s?token="), mediaWithToken.text());
        assertEquals("private, max-age=60", mediaWithToken.header("Cache-Control"));
        assertEquals(200, curl(url.replace("index.m3u8", "seg0.m4s")).status());
        Tools.Result probe = Tools.run(60, "ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of",
                "csv=p=0", url);
        assertEquals(List.of("h264", "aac"), probe.lines().stream().map(String::trim).filter(l -> !l.isEmpty())
                .distinct().toList(), probe.stderr()); // listed per program and per stream

        String value = token.getString("token");
        String tampered = value.substring(0, value.length() - 1) + (value.endsWith("A") ? "B" : "A");
        Fetched bad = curl(HLS + FENCED + "/tiny.mp4/index.m3u8?token=" + tampered);
        assertEquals(403, bad.status());
        assertEquals("the token is not valid for " + FENCED + "/tiny.mp4\n", bad.text());
        assertEquals(403, curl(HLS + "sample.mp4/index.m3u8?token=" + value).status(), "another file's token");

        // the shortest lifetime is a minute: poll until it has passed
        long deadline = System.nanoTime() + 90_000_000_000L;
        Fetched expired;
        do {
            Thread.sleep(2_000);
            expired = curl(url);
        } while (expired.status() == 200 && System.nanoTime() < deadline);
        assertEquals(403, expired.status());
        assertEquals("the token for " + FENCED + "/tiny.mp4 has expired\n", expired.text());
        assertEquals(401, curl(HLS + FENCED + "/tiny.mp4/seg0.m4s").status());

        // by now (over 30 s without a request) the user's viewing has ended: one access-log line, protocol HLS
        List<W3cLogParser.Entry> lines = List.of();
        while (lines.isEmpty() && System.nanoTime() < deadline + 30_000_000_000L) {
            lines = W3cLogParser.parse(accessLog.path()).entries().stream()
                    .filter(e -> "HLS".equals(e.get("protocol")) && USER.equals(e.get("c-username"))
                            && ("/" + FENCED + "/tiny.mp4").equals(e.get("cs-uri-stem"))).toList();
            Thread.sleep(500);
        }
        assertEquals(1, lines.size(), "one line for the user's Basic and Digest requests");
        assertTrue(lines.get(0).number("sc-bytes") > 0, lines.get(0).toString());
    }
}
