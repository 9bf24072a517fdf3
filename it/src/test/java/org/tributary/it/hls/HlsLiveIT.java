package org.tributary.it.hls;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.Tools;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HLS of a live stream, with real clients: ffmpeg publishes the sample clip (H.264 + AAC, 25 fps, a key frame a
 * second) over RTSP as a broadcaster account made through the API; ffprobe reads the stream's HLS URL with the
 * right codecs, ffmpeg decodes at least 95 % of 8 s of frames; three consecutive segments start with key frames,
 * last the target duration and continue each other's timestamps without a gap; the playlist is a sliding window
 * (no ENDLIST, a moving MEDIA-SEQUENCE, dated segments, a segment that left the window answers 404) and is not
 * cached. Low-Latency HLS: parts of at most PART-TARGET, the first of each segment independent, a segment is its
 * parts end to end, a blocking reload for the hinted part returns once it is listed, one too far ahead gets 400.
 * An MP3 broadcast (RFC 2250 over RTP) is audio-only HLS (mp4a.40.34) and an H.265 one (RFC 7798) is hvc1 HLS,
 * both decoded by ffmpeg. Then the dashboard lists the broadcast with a Play button, and Debian's Chromium plays it in the
 * console's player within the documented delay (hls.js's playing date against the browser's clock).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HlsLiveIT extends BrowserTest {

    static final String FOLDER = "it-hls-live";
    static final String PATH = FOLDER + "/cam.sdp";
    static final String CASTER = "it-hls-caster";
    static final String CASTER_PASSWORD = "hls-cast-pw-1";
    static final String HLS = Endpoints.HTTP + "/hls/" + PATH + "/";
    /** The live target duration's default (hlsLiveTargetDuration). */
    static final int TARGET = 2;
    /**
     * The delay docs/STREAMING.md gives for hls.js's default (low-latency) settings: PART-HOLD-BACK (1.5 s) behind
     * the newest part, that part's own length and the time to cut and fetch it; measured under 2 s, allowed 4.
     */
    static final double MAX_DELAY_SECONDS = 4;

    private static Process publisher;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void publish() throws Exception {
        ConsoleApi admin = ConsoleApi.admin();
        HttpResponse<String> user = admin.postJson("/api/users",
                "{\"name\":\"" + CASTER + "\",\"password\":\"" + CASTER_PASSWORD + "\"}");
        assertTrue(user.statusCode() / 100 == 2, user.body());
        HttpResponse<String> caster = admin.postJson("/api/broadcasters",
                "{\"user\":\"" + CASTER + "\",\"paths\":[\"" + FOLDER + "\"]}");
        assertTrue(caster.statusCode() / 100 == 2, caster.body());
        publisher = publish("sample.mp4", "cam.sdp");
        awaitIndex("cam.sdp", publisher);
        browser.logInAsAdmin();
    }

    /** ffmpeg publishing a file of the media folder in a loop, in real time, at FOLDER/name (log in target/). */
    static Process publish(String file, String name) throws java.io.IOException {
        Path media = Path.of(System.getProperty("it.media.dir", "target/media"), file);
        ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-stream_loop", "-1", "-i", media.toString(), "-c", "copy", "-f", "rtsp",
                "-rtsp_transport", "tcp", "rtsp://" + CASTER + ":" + CASTER_PASSWORD + "@127.0.0.1:"
                + Endpoints.RTSP_PORT + "/" + FOLDER + "/" + name);
        builder.redirectErrorStream(true);
        builder.redirectOutput(Path.of("target", "it-hls-live-" + name + "-ffmpeg.log").toFile());
        return builder.start();
    }

    /** The multivariant playlist of FOLDER/name once the stream has one (at most 30 s). */
    static String awaitIndex(String name, Process publisher) throws Exception {
        String url = Endpoints.HTTP + "/hls/" + FOLDER + "/" + name + "/index.m3u8";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HlsFilesIT.Fetched index = HlsFilesIT.curl(url);
        while (index.status() != 200) {
            assertTrue(System.nanoTime() < deadline, "no HLS of " + name + ": " + index.text());
            assertTrue(publisher.isAlive(), "ffmpeg stopped publishing: see target/it-hls-live-" + name + "-ffmpeg.log");
            Thread.sleep(500);
            index = HlsFilesIT.curl(url);
        }
        return index.text();
    }

    @AfterAll
    static void stopPublishing() throws Exception {
        if (publisher != null) {
            publisher.destroyForcibly();
            publisher.waitFor(10, TimeUnit.SECONDS);
        }
        ConsoleApi admin = ConsoleApi.admin();
        admin.delete("/api/broadcasters/" + CASTER);
        admin.delete("/api/users/" + CASTER);
    }

    @Test
    void ffprobeAndFfmpegReadTheLiveStream() throws Exception {
        HlsFilesIT.Fetched index = HlsFilesIT.curl(HLS + "index.m3u8");
        assertEquals(200, index.status(), index.text());
        assertTrue(index.text().matches("(?s).*CODECS=\"avc1\\.4d40[0-9a-f]{2},mp4a\\.40\\.2\",RESOLUTION=640x360.*"),
                index.text());
        assertEquals("no-cache", index.header("Cache-Control"));

        Tools.Result probe = Tools.run(60, "ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width,height",
                "-of", "csv=p=0", HLS + "index.m3u8");
        assertEquals(0, probe.exitCode(), probe.stderr());
        assertTrue(probe.stdout().contains("h264,640,360") && probe.stdout().contains("aac"), probe.stdout());

        Tools.Result decoded = Tools.run(90, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-i", HLS + "index.m3u8", "-t", "8", "-f", "framemd5", "-");
        assertEquals(0, decoded.exitCode(), decoded.stderr());
        long video = decoded.lines().stream().filter(l -> l.startsWith("0,")).count();
        long audio = decoded.lines().stream().filter(l -> l.startsWith("1,")).count();
        assertTrue(video >= 0.95 * 8 * 25, "video frames of 8 s at 25 fps: " + video);
        assertTrue(audio >= 0.95 * 8 * 48_000 / 1024, "audio frames of 8 s: " + audio);

        // the viewing is a session of the console and the API, as a file's HLS viewing is
        HttpResponse<String> sessions = ConsoleApi.admin().get("/api/sessions");
        assertEquals(200, sessions.statusCode(), sessions.body());
        jakarta.json.JsonObject viewing = jakarta.json.Json.createReader(new java.io.StringReader(sessions.body()))
                .readArray().getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(o -> "HLS".equals(o.getString("transport")) && PATH.equals(o.getString("path")))
                .findFirst().orElse(null);
        assertTrue(viewing != null, "no HLS session of " + PATH + " in " + sessions.body());
        assertTrue(viewing.getJsonNumber("bytesSent").longValue() > 500_000, viewing.toString());
    }

    @Test
    void consecutiveSegmentsStartWithKeyFramesAndContinueEachOther() throws Exception {
        String media = awaitSegments(3);
        List<String> names = segments(media);
        List<String> last3 = names.subList(names.size() - 3, names.size());
        for (Matcher d = Pattern.compile("#EXTINF:([0-9.]+),").matcher(media); d.find(); ) {
            double seconds = Double.parseDouble(d.group(1));
            assertTrue(seconds >= TARGET - 0.1 && seconds <= TARGET + 1.1, "a segment of " + seconds + " s: " + media);
        }
        Path joined = Path.of("target", "it-hls-live-joined.mp4");
        Files.write(joined, HlsFilesIT.curl(HLS + "init.mp4").body());
        List<Double> starts = new ArrayList<>();
        for (String name : last3) {
            Path one = Path.of("target", "it-hls-live-" + name + ".mp4");
            HlsFilesIT.Fetched segment = HlsFilesIT.curl(HLS + name);
            assertEquals(200, segment.status(), segment.text());
            assertEquals("max-age=60", segment.header("Cache-Control"));
            Files.write(one, HlsFilesIT.curl(HLS + "init.mp4").body());
            Files.write(one, segment.body(), StandardOpenOption.APPEND);
            Files.write(joined, segment.body(), StandardOpenOption.APPEND);
            List<String> frames = frames(one);
            assertTrue(frames.get(0).startsWith("1,"), name + " starts with a key frame: " + frames.get(0));
            starts.add(Double.parseDouble(frames.get(0).split(",")[1]));
        }
        List<String> frames = frames(joined);
        assertTrue(frames.size() >= 3 * TARGET * 25 * 0.98, frames.size() + " frames in three segments");
        double previous = Double.NaN;
        for (String frame : frames) {
            double time = Double.parseDouble(frame.split(",")[1]);
            if (!Double.isNaN(previous)) {
                // 1/25 s apart; ffmpeg's -stream_loop joins the clip's loops a few milliseconds late, which is
                // the publisher's timing: a lost frame or a segment joint that overlaps would be 40 ms off
                assertEquals(0.04, time - previous, 0.01, "frames 1/25 s apart across segments: " + previous
                        + " then " + time);
            }
            previous = time;
        }
        assertEquals(starts.get(1) - starts.get(0), TARGET, 0.05, "segment starts " + starts);
        Tools.Result decoded = Tools.run(60, "ffmpeg", "-v", "error", "-i", joined.toString(), "-f", "null", "-");
        assertEquals(0, decoded.exitCode(), decoded.stderr());
        assertEquals("", decoded.stderr().trim(), "the joined segments decode without an error");
    }

    @Test
    void thePlaylistIsASlidingWindow() throws Exception {
        String first = awaitSegments(1);
        assertFalse(first.contains("#EXT-X-ENDLIST"), first);
        assertTrue(first.contains("#EXT-X-TARGETDURATION:" + TARGET + "\n"), first);
        assertTrue(first.matches("(?s).*#EXT-X-PROGRAM-DATE-TIME:20\\d\\d-\\d\\d-\\d\\dT[0-9:.]+Z\n#EXTINF.*"), first);
        long sequence = mediaSequence(first);
        String oldest = segments(first).get(0);
        assertEquals("seg" + sequence + ".m4s", oldest);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        String later = first;
        while (mediaSequence(later) == sequence) {
            assertTrue(System.nanoTime() < deadline, "the window never moved: " + later);
            Thread.sleep(1000);
            later = HlsFilesIT.curl(HLS + "media.m3u8").text();
        }
        assertEquals(6, segments(later).size(), "six segments in a full window (hlsLiveWindowSegments): " + later);
        HlsFilesIT.Fetched gone = HlsFilesIT.curl(HLS + oldest);
        assertEquals(404, gone.status());
        assertTrue(gone.text().contains("has left the window"), gone.text());
        HlsFilesIT.Fetched future = HlsFilesIT.curl(HLS + "seg" + (mediaSequence(later) + 1000) + ".m4s");
        assertEquals(404, future.status());
        assertTrue(future.text().contains("is not made yet"), future.text());
    }

    /** An audio-only station: MP3 over RTP (RFC 2250) comes out as MP3 in fragmented MP4, cut by time. */
    @Test
    void anMp3BroadcastIsServedAsAudioOnlyHls() throws Exception {
        Process radio = publish("sample.mp3", "radio.sdp");
        try {
            String url = Endpoints.HTTP + "/hls/" + FOLDER + "/radio.sdp/";
            String index = awaitIndex("radio.sdp", radio);
            assertTrue(index.contains("CODECS=\"mp4a.40.34\"\n"), index);
            assertFalse(index.contains("RESOLUTION"), index);
            Tools.Result decoded = Tools.run(90, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                    "-i", url + "index.m3u8", "-t", "6", "-f", "framemd5", "-");
            assertEquals(0, decoded.exitCode(), decoded.stderr());
            long frames = decoded.lines().stream().filter(l -> l.startsWith("0,")).count();
            // framemd5 counts decoded audio frames of 1152 samples at 44.1 kHz
            assertTrue(frames >= 0.95 * 6 * 44_100 / 1152, "MP3 frames of 6 s: " + frames);
            Tools.Result probe = Tools.run(60, "ffprobe", "-v", "error", "-show_entries", "stream=codec_name,sample_rate",
                    "-of", "csv=p=0", url + "index.m3u8");
            assertTrue(probe.stdout().contains("mp3,44100"), probe.stdout() + probe.stderr());

            // the publisher stops: once its grace period is over the playlist ends (ENDLIST, no more parts)
            radio.destroyForcibly();
            radio.waitFor(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String last = HlsFilesIT.curl(url + "media.m3u8").text();
            while (!last.contains("#EXT-X-ENDLIST")) {
                assertTrue(System.nanoTime() < deadline, "the playlist never ended: " + last);
                Thread.sleep(500);
                last = HlsFilesIT.curl(url + "media.m3u8").text();
            }
            assertFalse(last.contains("#EXT-X-PRELOAD-HINT") || last.contains("CAN-BLOCK-RELOAD"), last);
            String final0 = segments(last).get(0);
            assertEquals(200, HlsFilesIT.curl(url + final0).status(), "the ended stream's segments are still served");
        } finally {
            radio.destroyForcibly();
            radio.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** H.265 over RTP (RFC 7798): the hvcC record is made from the SDP's sprop-vps, sprop-sps and sprop-pps. */
    @Test
    void anH265BroadcastIsServedAsHls() throws Exception {
        Process hevc = publish("sample-hevc.mp4", "hevc.sdp");
        try {
            String index = awaitIndex("hevc.sdp", hevc);
            assertTrue(index.matches("(?s).*CODECS=\"hvc1\\.1\\.6\\.L[0-9]+(\\.[0-9A-F]{2})*,mp4a\\.40\\.2\",RESOLUTION=320x180.*"),
                    index);
            String url = Endpoints.HTTP + "/hls/" + FOLDER + "/hevc.sdp/index.m3u8";
            Tools.Result probe = Tools.run(60, "ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width,height",
                    "-of", "csv=p=0", url);
            assertTrue(probe.stdout().contains("hevc,320,180"), probe.stdout() + probe.stderr());
            Tools.Result decoded = Tools.run(90, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                    "-i", url, "-map", "0:v", "-t", "6", "-f", "framemd5", "-");
            assertEquals(0, decoded.exitCode(), decoded.stderr());
            long frames = decoded.lines().stream().filter(l -> l.startsWith("0,")).count();
            assertTrue(frames >= 0.95 * 6 * 25, "H.265 frames of 6 s at 25 fps: " + frames);
        } finally {
            hevc.destroyForcibly();
            hevc.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void lowLatencyPartsAndABlockingReload() throws Exception {
        String media = awaitSegments(2);
        assertTrue(media.contains("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.50000\n"), media);
        assertTrue(media.contains("#EXT-X-PART-INF:PART-TARGET=0.50000\n"), media);
        Matcher part = Pattern.compile("#EXT-X-PART:DURATION=([0-9.]+),URI=\"part(\\d+)\\.(\\d+)\\.m4s\"(,INDEPENDENT=YES)?")
                .matcher(media);
        int parts = 0;
        while (part.find()) {
            parts++;
            assertTrue(Double.parseDouble(part.group(1)) <= 0.5, "a part longer than PART-TARGET: " + part.group());
            assertTrue(!part.group(3).equals("0") || part.group(4) != null,
                    "the first part of a segment starts with a key frame: " + part.group());
        }
        assertTrue(parts >= 2 * TARGET * 2, "parts of the newest segments listed: " + media);

        // a finished segment listed with its parts is those parts end to end
        String withParts = media.substring(media.indexOf("#EXT-X-PART:"));
        String segment = segments(withParts).get(0);
        String number = segment.substring(3, segment.length() - 4);
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (Matcher p = Pattern.compile("URI=\"(part" + number + "\\.\\d+\\.m4s)\"").matcher(media); p.find(); ) {
            HlsFilesIT.Fetched bytes = HlsFilesIT.curl(HLS + p.group(1));
            assertEquals(200, bytes.status(), bytes.text());
            joined.write(bytes.body());
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(HlsFilesIT.curl(HLS + segment).body(), joined.toByteArray(),
                segment + " is its parts end to end");

        Matcher hint = Pattern.compile("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"part(\\d+)\\.(\\d+)\\.m4s\"").matcher(media);
        assertTrue(hint.find(), media);
        long started = System.nanoTime();
        HlsFilesIT.Fetched blocked = HlsFilesIT.curl(HLS + "media.m3u8?_HLS_msn=" + hint.group(1) + "&_HLS_part="
                + hint.group(2));
        double waited = (System.nanoTime() - started) / 1e9;
        assertEquals(200, blocked.status(), blocked.text());
        assertTrue(blocked.text().contains("URI=\"part" + hint.group(1) + "." + hint.group(2) + ".m4s\""),
                "the reload returned once the hinted part was made: " + blocked.text());
        assertTrue(waited < 3 * TARGET, "a blocking reload answered after " + waited + " s");
        HlsFilesIT.Fetched tooFar = HlsFilesIT.curl(HLS + "media.m3u8?_HLS_msn=" + (Long.parseLong(hint.group(1)) + 5));
        assertEquals(400, tooFar.status(), tooFar.text());
    }

    @Test
    void theDashboardsPlayButtonPlaysTheBroadcastInChromium() throws Exception {
        browser.open("/index.xhtml");
        By play = By.cssSelector("li.live-stream[data-path='" + PATH + "'] a.play");
        browser.await(Duration.ofSeconds(20), d -> browser.present(play));
        browser.clickAndWaitForPage(play);
        browser.await(d -> browser.present(By.id("player-frame")));
        assertTrue(browser.textOf(By.cssSelector("#player h2")).contains("(live)"), browser.textOf(By.cssSelector("#player h2")));
        String hls = browser.textOf(By.id("player-hls"));
        assertTrue(hls.matches("https?://[^/]+/tributary/hls/it-hls-live/cam\\.sdp/index\\.m3u8\\?token=.+"), hls);
        assertTrue(browser.textOf(By.id("player-rtsp")).endsWith("/" + PATH), browser.textOf(By.id("player-rtsp")));

        browser.driver().switchTo().frame("player-frame");
        try {
            browser.await(Duration.ofSeconds(40), d -> number("document.getElementById('player-video').currentTime") > 0);
            double startedAt = number("document.getElementById('player-video').currentTime");
            long wallStart = System.nanoTime();
            browser.await(Duration.ofSeconds(30),
                    d -> number("document.getElementById('player-video').currentTime") >= startedAt + 5);
            double played = number("document.getElementById('player-video').currentTime") - startedAt;
            double wall = (System.nanoTime() - wallStart) / 1e9;
            assertTrue(played >= 0.9 * wall, "played " + played + " s of live video in " + wall + " s: it stalled");
            double frames = number("document.getElementById('player-video').getVideoPlaybackQuality().totalVideoFrames");
            double dropped = number("document.getElementById('player-video').getVideoPlaybackQuality().droppedVideoFrames");
            assertTrue(frames >= 0.9 * 25 * played, frames + " frames decoded in " + played + " s played");
            // how far behind the server's clock of arrival the picture is: hls.js maps the playhead to the
            // segments' PROGRAM-DATE-TIME; browser and server share this machine's clock
            double delay = number("(Date.now() - window.tributaryPlayer.playingDate.getTime()) / 1000");
            Files.writeString(Path.of("target", "it-hls-live-delay.txt"), String.format(java.util.Locale.ROOT,
                    "live HLS delay in Chromium (hls.js defaults: low latency, parts), %d s segments: %.2f s; %d frames,"
                            + " %d dropped%n",
                    TARGET, delay, (long) frames, (long) dropped));
            assertTrue(delay > 0 && delay <= MAX_DELAY_SECONDS, "the picture is " + delay + " s behind");
            assertEquals("", String.valueOf(browser.script(
                    "return document.body.getAttribute('data-player-error') || '';")));
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }

    private double number(String expression) {
        Object value = browser.script("return " + expression + ";");
        return value == null ? -1 : ((Number) value).doubleValue();
    }

    /** The media playlist once it lists at least {@code count} segments. */
    private static String awaitSegments(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HlsFilesIT.Fetched media = HlsFilesIT.curl(HLS + "media.m3u8");
            assertEquals(200, media.status(), media.text());
            assertEquals("no-cache", media.header("Cache-Control"));
            if (segments(media.text()).size() >= count) {
                return media.text();
            }
            assertTrue(System.nanoTime() < deadline, "fewer than " + count + " segments: " + media.text());
            Thread.sleep(500);
        }
    }

    private static List<String> segments(String media) {
        return media.lines().filter(l -> l.startsWith("seg")).toList();
    }

    private static long mediaSequence(String media) {
        Matcher m = Pattern.compile("#EXT-X-MEDIA-SEQUENCE:(\\d+)").matcher(media);
        assertTrue(m.find(), media);
        return Long.parseLong(m.group(1));
    }

    /** "key_frame,pts_time" per video frame of a file, in presentation order. */
    private static List<String> frames(Path file) throws Exception {
        Tools.Result r = Tools.run(60, "ffprobe", "-v", "error", "-select_streams", "v", "-show_entries",
                "frame=key_frame,pts_time", "-of", "csv=p=0", file.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        return r.lines().stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}
