package org.tributary.mp3http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.SessionInfo;
import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.Credentials;
import org.tributary.api.event.AccessRecord;
import org.tributary.auth.AccessGuard;
import org.tributary.auth.AuthSettings;
import org.tributary.catalog.MediaCatalog;
import org.tributary.engine.StreamingEngine;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.server.BandwidthLimit;
import org.tributary.server.ControlExecutor;
import org.tributary.server.RtspServer;
import org.tributary.session.TrafficMeter;
import org.tributary.stream.PathRegistry;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stations and Icecast sources on a real socket: a selector loop, one sender thread, an access check that
 * lets anyone listen and only "dj" with password "secret" publish. Frames are synthetic MPEG-1 Layer III,
 * 417 bytes, each carrying its number after the header.
 */
class Mp3StationServiceTest {

    private static final int HEADER = 0xFFFB9064;
    private static final int FRAME = 417;
    private static final int METAINT = 4000;
    private static final String DJ = "Authorization: Basic "
            + Base64.getEncoder().encodeToString("dj:secret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path media;

    private final BlockingQueue<AccessRecord> records = new LinkedBlockingQueue<>();
    private ExecutorService threads;
    private ControlExecutor control;
    private StreamingEngine engine;
    private RtspServer server;
    private Mp3HttpService service;

    @BeforeEach
    void serve() throws Exception {
        threads = Executors.newCachedThreadPool();
        engine = new StreamingEngine(1, (name, loop) -> threads.execute(loop));
        AccessGuard guard = AccessGuard.standard(request -> request.action() != AccessAction.WRITE
                || Credentials.basic("dj", "secret").equals(request.credentials()) ? AccessDecision.allow("open")
                : AccessDecision.challenge("broadcasters only", "Test Realm", List.of()), AuthSettings.DEFAULTS);
        TrafficMeter meter = new TrafficMeter();
        service = new Mp3HttpService(guard, new PathRegistry(new MediaCatalog(media)), engine,
                new Mp3HttpSettings(10, 1, METAINT, 5), meter, new BandwidthLimit(meter, 0), records::add);
        control = new ControlExecutor(2, 100, (name, loop) -> threads.execute(loop));
        server = new RtspServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20, service, control,
                DecoderLimits.DEFAULTS, "Test");
        server.bind();
        threads.execute(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        engine.close();
        control.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static ByteBuffer frame(int number) {
        ByteBuffer f = ByteBuffer.allocate(FRAME);
        f.putInt(0, HEADER);
        f.putInt(4, number);
        return f;
    }

    private static void write(Mp3Station.Feed feed, int from, int count) {
        for (int i = from; i < from + count; i++) {
            assertTrue(feed.append(frame(i)));
        }
        feed.flush();
    }

    private Socket request(String head) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write((head + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private Socket listen(String mount, String... headers) throws Exception {
        return request("GET /" + mount + " HTTP/1.0\r\nUser-Agent: unit\r\n" + String.join("", headers.length == 0
                ? new String[0] : java.util.Arrays.stream(headers).map(h -> h + "\r\n").toArray(String[]::new)));
    }

    private static String head(InputStream in) throws Exception {
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

    private static int frameNumber(byte[] bytes, int frame) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        assertEquals(HEADER, b.getInt(frame * FRAME), "a frame header at frame " + frame);
        return b.getInt(frame * FRAME + 4);
    }

    @Test
    void twoListenersGetTheSameBytesStartingAtAFrameWithinTheBurst() throws Exception {
        Mp3Station.Feed feed = service.stations().openPlaylist("live", new StationHeaders("Live", "Jazz", "Test"));
        write(feed, 0, 200); // 83400 bytes: the burst (65536) starts at frame 43 (byte 17931)
        try (Socket one = listen("live"); Socket two = listen("live")) {
            String head = head(one.getInputStream());
            head(two.getInputStream());
            String names = head.toLowerCase(Locale.ROOT);
            assertTrue(head.startsWith("HTTP/1.0 200 OK\r\n"), head);
            assertTrue(names.contains("content-type: audio/mpeg\r\n") && names.contains("icy-name: live\r\n")
                    && names.contains("icy-genre: jazz\r\n") && names.contains("icy-description: test\r\n")
                    && names.contains("icy-br: 128\r\n") && !names.contains("content-length"), head);
            byte[] burstOne = one.getInputStream().readNBytes(157 * FRAME);
            byte[] burstTwo = two.getInputStream().readNBytes(157 * FRAME);
            assertEquals(43, frameNumber(burstOne, 0), "the burst starts on a frame header");
            assertArrayEquals(burstOne, burstTwo);
            write(feed, 200, 50);
            byte[] liveOne = one.getInputStream().readNBytes(50 * FRAME);
            byte[] liveTwo = two.getInputStream().readNBytes(50 * FRAME);
            assertArrayEquals(liveOne, liveTwo, "one stream for all");
            for (int i = 0; i < 50; i++) {
                assertEquals(200 + i, frameNumber(liveOne, i));
            }
            assertEquals(2, feed.station().audience());
            List<SessionInfo> sessions = service.sessionInfos();
            assertEquals(2, sessions.size());
            assertTrue(sessions.stream().allMatch(s -> s.path().equals("live")), sessions.toString());
            assertTrue(service.stop(sessions.get(0).id()), "an administrator ends one listener");
            assertNotNull(records.poll(5, TimeUnit.SECONDS));
        }
        feed.close();
        AccessRecord last = records.poll(5, TimeUnit.SECONDS);
        assertNotNull(last, "one record per listener");
        assertEquals("/live", last.uriStem());
    }

    @Test
    void theIcyTitleChangesAtTheFirstMetadataPointAfterTheNewSong() throws Exception {
        Mp3Station.Feed feed = service.stations().openPlaylist("live", new StationHeaders("Live", null, null));
        feed.title("One");
        write(feed, 0, 20); // bytes 0..8339
        try (Socket socket = listen("live", "Icy-MetaData: 1")) {
            InputStream in = socket.getInputStream();
            assertTrue(head(in).toLowerCase(Locale.ROOT).contains("icy-metaint: 4000\r\n"));
            feed.title("Two");
            write(feed, 20, 20); // bytes 8340..16679
            ByteArrayOutputStream audio = new ByteArrayOutputStream();
            String[] blocks = new String[4]; // after audio byte 4000, 8000, 12000 and 16000
            for (int b = 0; b < 4; b++) {
                audio.write(in.readNBytes(METAINT));
                int length = in.read() * 16;
                blocks[b] = new String(in.readNBytes(length), StandardCharsets.UTF_8).replace("\0", "");
            }
            assertEquals("StreamTitle='One';", blocks[0]);
            assertEquals("", blocks[1], "no change up to byte 8000");
            assertEquals("StreamTitle='Two';", blocks[2], "Two began at byte 8340: announced at 12000");
            assertEquals("", blocks[3]);
            assertEquals(38, frameNumber(audio.toByteArray(), 38), "the audio between the blocks is intact");
        }
    }

    private static String source(String method, String mount, String... headers) {
        StringBuilder s = new StringBuilder(method + " /" + mount + " HTTP/1.1\r\nHost: localhost\r\n"
                + "User-Agent: unit-source\r\n");
        for (String h : headers) {
            s.append(h).append("\r\n");
        }
        return s.toString();
    }

    @Test
    void sourcesWithoutTheRightCredentialsOrWithAnotherTypeAreRefused() throws Exception {
        try (Socket s = request(source("PUT", "live.mp3", "Content-Type: audio/mpeg", "Expect: 100-continue"))) {
            String head = head(s.getInputStream());
            assertTrue(head.startsWith("HTTP/1.0 401 "), head);
            assertTrue(head.contains("WWW-Authenticate: Basic realm="), head);
        }
        String wrong = "Authorization: Basic " + Base64.getEncoder().encodeToString("dj:guess".getBytes());
        try (Socket s = request(source("SOURCE", "live.mp3", wrong, "Content-Type: audio/mpeg"))) {
            assertTrue(head(s.getInputStream()).startsWith("HTTP/1.0 401 "));
        }
        try (Socket s = request(source("PUT", "live.ogg", DJ, "Content-Type: application/ogg"))) {
            assertTrue(head(s.getInputStream()).startsWith("HTTP/1.0 415 "));
        }
        assertNull(service.stations().at("live.mp3"));
    }

    @Test
    void aSourceFeedsListenersUntilItHangsUpAndASecondOneIsRefused() throws Exception {
        try (Socket source = request(source("PUT", "live.mp3", DJ, "Content-Type: audio/mpeg",
                "Expect: 100-continue", "ice-name: Morning Show", "ice-genre: Talk"))) {
            InputStream answers = source.getInputStream();
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", head(answers));
            OutputStream body = source.getOutputStream();
            // An ID3 tag and junk first, then frames cut in pieces that do not follow frame boundaries.
            byte[] tag = new byte[10 + 30];
            System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, tag, 0, 3);
            tag[3] = 4;
            tag[9] = 30;
            body.write(tag);
            body.write(new byte[]{(byte) 0xFF, (byte) 0xFB, 1, 2, 3, 'x'});
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            for (int i = 0; i < 100; i++) {
                frames.write(frame(i).array());
            }
            byte[] all = frames.toByteArray();
            for (int at = 0; at < all.length; at += 1000) {
                body.write(all, at, Math.min(1000, all.length - at));
                body.flush();
            }
            Mp3Station station = waitForStation("live.mp3");
            waitUntil(() -> station.bytesWritten() >= 99 * FRAME);
            assertEquals("Morning Show", station.headers().name());
            try (Socket second = request(source("PUT", "live.mp3", DJ, "Content-Type: audio/mpeg"))) {
                assertTrue(head(second.getInputStream()).startsWith("HTTP/1.0 403 "), "mountpoint in use");
            }
            try (Socket listener = listen("live.mp3", "Icy-MetaData: 1")) {
                InputStream in = listener.getInputStream();
                String head = head(in).toLowerCase(Locale.ROOT);
                assertTrue(head.contains("icy-name: morning show") && head.contains("icy-genre: talk"), head);
                byte[] audio = in.readNBytes(METAINT);
                int length = in.read() * 16;
                assertEquals("StreamTitle='Morning Show';",
                        new String(in.readNBytes(length), StandardCharsets.UTF_8).replace("\0", ""));
                // 99 whole frames were in when the listener came (the last one may wait for the next header).
                assertEquals(0, frameNumber(audio, 0), "frames, in order, without the tag or the junk");
                assertEquals(8, frameNumber(audio, 8));
                source.close();
                // The temporary station ends with its source: the listener's stream ends.
                in.readAllBytes();
            }
        }
        AccessRecord publish = null;
        for (AccessRecord r = records.poll(5, TimeUnit.SECONDS); r != null; r = records.poll(2, TimeUnit.SECONDS)) {
            if (r.kind() == AccessRecord.Kind.PUBLISH) {
                publish = r;
            }
        }
        assertNotNull(publish, "the source's publish record");
        assertEquals("/live.mp3", publish.uriStem());
        assertEquals("source gone", publish.endReason());
        assertEquals(200, publish.status());
        assertTrue(publish.rtcpBytesReceived() >= 100 * FRAME, "bytes received: " + publish.rtcpBytesReceived());
        assertNull(service.stations().at("live.mp3"));
    }

    @Test
    void aLiveSourceTakesOverAPlaylistStationWhichGoesOnWhenItDrops() throws Exception {
        Mp3Station.Feed playlist = service.stations().openPlaylist("radio", new StationHeaders("Radio", null, null));
        AtomicBoolean resumed = new AtomicBoolean();
        playlist.whenBackOnAir(() -> resumed.set(true));
        write(playlist, 0, 10);
        try (Socket source = request(source("SOURCE", "radio", DJ, "Content-Type: audio/mpeg"))) {
            assertTrue(head(source.getInputStream()).startsWith("HTTP/1.0 200 OK"));
            Mp3Station station = service.stations().at("radio");
            assertTrue(station.live());
            assertFalse(playlist.onAir());
            assertFalse(playlist.append(frame(99)), "the playlist is off the air meanwhile");
            assertEquals("Radio", station.headers().name(), "the station keeps its own name");
        }
        waitUntil(resumed::get);
        assertTrue(playlist.onAir());
        assertFalse(playlist.station().ended());
        assertFalse(playlist.station().live());
    }

    @Test
    void playlistLinksPointAtTheMountOnTheHostAsked() throws Exception {
        service.stations().openPlaylist("radio/jazz", new StationHeaders("Jazz", null, null));
        try (Socket s = request("GET /radio/jazz.m3u HTTP/1.0\r\nHost: radio.example.org:8000\r\n")) {
            InputStream in = s.getInputStream();
            String head = head(in);
            assertTrue(head.contains("Content-Type: audio/x-mpegurl"), head);
            assertEquals("http://radio.example.org:8000/radio/jazz\r\n",
                    new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
        try (Socket s = request("GET /radio/jazz.pls HTTP/1.0\r\n")) {
            InputStream in = s.getInputStream();
            head(in);
            String body = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(body.startsWith("[playlist]\r\nNumberOfEntries=1\r\nFile1=http://127.0.0.1:" + server.port()
                    + "/radio/jazz\r\nTitle1=Jazz\r\n"), body);
        }
    }

    private Mp3Station waitForStation(String mount) throws Exception {
        waitUntil(() -> service.stations().at(mount) != null);
        return service.stations().at(mount);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(10);
        }
    }
}
