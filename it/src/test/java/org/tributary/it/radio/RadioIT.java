package org.tributary.it.radio;

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
import org.tributary.it.support.Tools;
import org.tributary.rtsp.header.AuthScheme;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Radio stations end to end: a RADIO channel started through the JSON API plays the sample songs
 * ({@code radio/*.mp3}, 6 s each, ID3 titles "First Song", "Second Song", "Third Song") into one shared stream
 * at its mount; listeners get ICY titles that change with the song, mpg123 decodes it, 50 listeners get the
 * same bytes while each song is read once; an Icecast source (ffmpeg {@code icecast://}) with a broadcaster
 * account publishes a live station, a wrong password gets 401; a source at a channel's mount takes the air and
 * the playlist goes on when it drops.
 */
@ExtendWith(ArquillianExtension.class)
class RadioIT {

    static final String CHANNEL = "jazz";
    static final String MOUNT = "radio/jazz";
    static final String LIVE_FOLDER = "live";
    static final String CASTER = "it-radio-caster";
    static final String PASSWORD = "radio-pw";
    static final String DEFINITION = "{\"name\":\"jazz\",\"mount\":\"radio/jazz\",\"kind\":\"radio\","
            + "\"mode\":\"sequential_looped\",\"recentWindow\":0,\"upcomingCount\":3,\"items\":["
            + "{\"path\":\"radio/first-song.mp3\",\"weight\":10},{\"path\":\"radio/second-song.mp3\",\"weight\":10},"
            + "{\"path\":\"radio/third-song.mp3\",\"weight\":10}],\"title\":\"Jazz\",\"genre\":\"Jazz\","
            + "\"description\":\"Test station\"}";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(RadioIT.class, Tools.class);
    }

    @EJB
    UserService users;

    @EJB
    AccessService access;

    private final ConsoleApi api = ConsoleApi.admin();
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void broadcasterAndChannel() throws Exception {
        users.putUser(CASTER, null, PASSWORD);
        access.putBroadcaster(CASTER, List.of(LIVE_FOLDER, "radio"));
        access.putRule(new RuleSpec(LIVE_FOLDER, null, AuthScheme.BASIC, Permission.of(Audience.ANYONE),
                Permission.listed(List.of(CASTER), List.of()), null, null, "RadioIT"));
        api.delete("/api/channels/" + CHANNEL); // left over from an aborted run: 404 is fine
        HttpResponse<String> created = api.postJson("/api/channels", DEFINITION);
        assertTrue(created.statusCode() == 200 || created.statusCode() == 201, created.body());
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        api.postJson("/api/channels/" + CHANNEL + "/stop", "");
        api.delete("/api/channels/" + CHANNEL);
        access.removeRule(LIVE_FOLDER);
        access.removeBroadcaster(CASTER);
        users.removeUser(CASTER);
    }

    static Path media() {
        return Path.of(System.getProperty("tributary.media.root"));
    }

    static String url(String path) {
        return "http://127.0.0.1:" + Endpoints.RTSP_PORT + "/" + path;
    }

    private JsonObject start() throws Exception {
        HttpResponse<String> started = api.postJson("/api/channels/" + CHANNEL + "/start", "");
        assertEquals(200, started.statusCode(), started.body());
        JsonObject channel = json(started.body());
        assertEquals("playing", channel.getString("state"));
        return channel;
    }

    private JsonObject channel() throws Exception {
        HttpResponse<String> got = api.get("/api/channels/" + CHANNEL);
        assertEquals(200, got.statusCode(), got.body());
        return json(got.body());
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** A raw listener: the head sent, the response head read; the socket is left at the first body byte. */
    static Socket listen(String path, boolean metadata) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Endpoints.RTSP_PORT);
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /" + path + " HTTP/1.0\r\nUser-Agent: RadioIT\r\n" + (metadata ? "Icy-MetaData: 1\r\n" : "")
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = head(socket.getInputStream());
        assertTrue(head.startsWith("HTTP/1.0 200 OK"), head);
        return socket;
    }

    static String head(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    static int metaint(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("icy-metaint:")) {
                return Integer.parseInt(line.substring("icy-metaint:".length()).trim());
            }
        }
        throw new AssertionError("no icy-metaint in " + head);
    }

    /** The StreamTitles of an ICY stream, in order, until {@code want} titles are seen or the time is up. */
    static List<String> titles(String path, int want, long millis) throws Exception {
        List<String> titles = new ArrayList<>();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Endpoints.RTSP_PORT);
        try (socket) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /" + path + " HTTP/1.0\r\nIcy-MetaData: 1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = head(in);
            assertTrue(head.startsWith("HTTP/1.0 200 OK"), head);
            int metaint = metaint(head);
            long deadline = System.currentTimeMillis() + millis;
            while (titles.size() < want && System.currentTimeMillis() < deadline) {
                if (in.readNBytes(metaint).length < metaint) {
                    break;
                }
                int length = in.read() * 16;
                String text = new String(in.readNBytes(length), StandardCharsets.UTF_8).replace("\0", "");
                if (!text.isEmpty()) {
                    titles.add(text.substring("StreamTitle='".length(), text.indexOf("';")));
                }
            }
        }
        return titles;
    }

    static long wavBytes(String input, int seconds) throws Exception {
        Path wav = Files.createTempFile("radio", ".wav");
        // -n: frames to decode (38.28 frames per second at 44.1 kHz); a station never ends by itself.
        Tools.Result r = Tools.run(40, "mpg123", "-q", "-n", Integer.toString(seconds * 38), "-w", wav.toString(),
                input);
        assertEquals(0, r.exitCode(), "mpg123 " + input + ": " + r.stderr());
        return Files.size(wav);
    }

    @Test
    void listenersHearTheSongsWithTheirTitlesAndMpg123DecodesTheStation() throws Exception {
        JsonObject started = start();
        assertEquals("First Song", started.getJsonObject("nowPlaying").getString("title"));
        List<String> titles = titles(MOUNT, 2, 15_000);
        assertEquals(2, titles.size(), "two titles within 15 s: " + titles);
        assertEquals("First Song", titles.get(0));
        assertEquals("Second Song", titles.get(1));

        // mpg123 shows the station's titles as they change (ICY-META lines) while it decodes 9 s of it:
        // 44.1 kHz 16-bit stereo is 176400 bytes a second, plus the WAV header.
        Path wav = Files.createTempFile("radio", ".wav");
        Tools.Result mpg123 = Tools.run(40, "mpg123", "-v", "-n", Integer.toString(9 * 38), "-w", wav.toString(),
                url(MOUNT));
        assertEquals(0, mpg123.exitCode(), mpg123.stderr());
        List<String> heard = mpg123.stderr().lines().filter(l -> l.startsWith("ICY-META: StreamTitle='"))
                .map(l -> l.substring("ICY-META: StreamTitle='".length(), l.lastIndexOf("';"))).toList();
        assertTrue(heard.size() >= 2 && !heard.get(0).equals(heard.get(1)), "mpg123 heard the title change: " + heard);
        assertTrue(List.of("First Song", "Second Song", "Third Song").containsAll(heard), heard.toString());
        long bytes = Files.size(wav);
        assertTrue(bytes > 9 * 176_400 * 9 / 10, "decoded " + bytes + " bytes");
        assertTrue(channel().getInt("audience") >= 0);
    }

    @Test
    void fiftyListenersShareOneStreamAndEachSongIsReadOnce() throws Exception {
        start();
        int listeners = 50;
        ExecutorService pool = Executors.newFixedThreadPool(listeners);
        try {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < listeners; i++) {
                sockets.add(listen(MOUNT, false));
            }
            assertEquals(listeners, channel().getInt("audience"));
            long playedBefore = channel().getJsonNumber("itemsPlayed").longValue();
            // 12 s of listening: every listener gets its burst and then the live audio.
            List<Future<byte[]>> received = new ArrayList<>();
            for (Socket s : sockets) {
                received.add(pool.submit(() -> s.getInputStream().readNBytes(12 * 16_000)));
            }
            List<byte[]> bodies = new ArrayList<>();
            for (Future<byte[]> f : received) {
                bodies.add(f.get(40, TimeUnit.SECONDS));
            }
            long playedAfter = channel().getJsonNumber("itemsPlayed").longValue();
            // 6 s songs: about two more songs in 12 s, however many listen. A reader per listener would show 100.
            assertTrue(playedAfter - playedBefore >= 1 && playedAfter - playedBefore <= 3,
                    "items played: " + playedBefore + " -> " + playedAfter);
            // All joined within the same second: their streams share a window of identical bytes. Find where
            // the first listener's last 4 KiB sit in every other stream: the 4 KiB before must match too.
            byte[] first = bodies.get(0);
            byte[] probe = Arrays.copyOfRange(first, first.length - 40_000, first.length - 36_000);
            for (byte[] other : bodies) {
                int at = indexOf(other, probe);
                assertTrue(at >= 4096, "a common point in every stream");
                int firstAt = first.length - 40_000;
                assertArrayEquals(Arrays.copyOfRange(first, firstAt - 4096, firstAt),
                        Arrays.copyOfRange(other, at - 4096, at), "identical bytes before it");
            }
            for (Socket s : sockets) {
                s.close();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Process icecast(String user, String password, String mount) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-i", media().resolve("radio/first-song.mp3").toString(), "-c", "copy",
                "-content_type", "audio/mpeg", "-ice_name", "IT Live", "-f", "mp3",
                "icecast://" + user + ":" + password + "@127.0.0.1:" + Endpoints.RTSP_PORT + "/" + mount);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static void awaitStation(String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Tools.Result r = Tools.run(10, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-I", url(path));
            if (r.stdout().trim().equals("200")) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, path + " never came up: " + r.stdout());
            Thread.sleep(200);
        }
    }

    @Test
    void anIcecastSourceWithABroadcasterAccountIsHeardAndAWrongPasswordGets401() throws Exception {
        icecast(CASTER, PASSWORD, LIVE_FOLDER + "/radio.mp3");
        awaitStation(LIVE_FOLDER + "/radio.mp3");
        long bytes = wavBytes(url(LIVE_FOLDER + "/radio.mp3"), 2);
        assertTrue(bytes > 2 * 176_400 * 9 / 10, "decoded " + bytes + " bytes of the live source");

        Process wrong = icecast(CASTER, "not-the-password", LIVE_FOLDER + "/other.mp3");
        assertTrue(wrong.waitFor(20, TimeUnit.SECONDS), "ffmpeg gives up");
        assertTrue(wrong.exitValue() != 0, "ffmpeg fails on a wrong password");
        Tools.Result put = Tools.run(10, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT",
                "-H", "Content-Type: audio/mpeg", "--user", CASTER + ":not-the-password",
                url(LIVE_FOLDER + "/other.mp3"));
        assertEquals("401", put.stdout().trim());
    }

    @Test
    void aSourceAtTheChannelsMountTakesTheAirAndThePlaylistGoesOnWhenItDrops() throws Exception {
        start();
        Process source = icecast(CASTER, PASSWORD, MOUNT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!channel().getString("state").equals("live source")) {
            assertTrue(System.nanoTime() < deadline, "the source never took the station: " + channel());
            Thread.sleep(200);
        }
        List<String> live = titles(MOUNT, 1, 10_000);
        assertEquals(List.of("IT Live"), live, "the live title is the source's ice-name");
        source.destroy(); // the source hangs up: the playlist goes on with its next song
        source.waitFor(10, TimeUnit.SECONDS);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!channel().getString("state").equals("playing")) {
            assertTrue(System.nanoTime() < deadline, "the playlist never came back: " + channel());
            Thread.sleep(200);
        }
        // A listener joining now starts with the burst (the last seconds sent), which may still end the live part:
        // the playlist's song is the title that follows it, if not the first.
        List<String> after = titles(MOUNT, 2, 15_000);
        assertFalse(after.isEmpty(), "no title at all");
        String song = after.get(0).equals("IT Live") && after.size() > 1 ? after.get(1) : after.get(0);
        assertTrue(song.endsWith("Song"), "a song of the playlist again: " + after);
    }
}
