package org.tributary.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.stream.PathRegistry;
import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessRequest;
import org.tributary.auth.AccessCheck;
import org.tributary.auth.AccessGuard;
import org.tributary.auth.AuthSettings;
import org.tributary.catalog.MediaCatalog;
import org.tributary.engine.StreamingEngine;
import org.tributary.media.FfmpegFixtures;
import org.tributary.mp3http.Mp3HttpService;
import org.tributary.mp3http.Mp3HttpSettings;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.session.Publishers;
import org.tributary.session.SessionRegistry;
import org.tributary.session.TrafficMeter;
import org.tributary.transport.UdpEndpoint;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The RTSP handler and MP3 over HTTP on a real socket, with an access check that protects
 * {@code movies/private} and records every question: whatever the spelling, the question names the
 * canonical path, and a path naming nothing is asked about its nearest existing folder.
 */
class CanonicalAccessTest {

    @TempDir
    Path media;

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private ExecutorService threads;
    private ControlExecutor control;
    private StreamingEngine engine;
    private UdpEndpoint udp;
    private RtspServer server;

    @BeforeEach
    void serve() throws Exception {
        assumeTrue(FfmpegFixtures.available(), "ffmpeg makes the test file");
        Files.createDirectories(media.resolve("movies/private"));
        Files.createDirectories(media.resolve("open"));
        Path clip = FfmpegFixtures.avFile(media.resolve("open"), "free.mp4");
        Files.copy(clip, media.resolve("movies/private/test.mp4"));
        FfmpegFixtures.mp3File(media.resolve("movies/private"), "song.mp3");
        Files.createSymbolicLink(media.resolve("open/x.mp4"), Path.of("../movies/private/test.mp4"));
        Files.createSymbolicLink(media.resolve("open/x.mp3"), Path.of("../movies/private/song.mp3"));

        AccessCheck check = this::decide;
        AccessGuard guard = AccessGuard.standard(check, AuthSettings.DEFAULTS);
        MediaCatalog catalog = new MediaCatalog(media);
        threads = Executors.newCachedThreadPool();
        engine = new StreamingEngine(1, (name, loop) -> threads.execute(loop));
        udp = new UdpEndpoint(InetAddress.getLoopbackAddress(), 0, 0);
        TrafficMeter meter = new TrafficMeter();
        BandwidthLimit bandwidth = new BandwidthLimit(meter, 0);
        PathRegistry registry = new PathRegistry(catalog);
        RtspMethodHandler handler = new RtspMethodHandler(guard, registry, new SessionRegistry(60, 10),
                new Publishers(registry, 10, 10, System::nanoTime, Clock.systemUTC()), null, engine, udp, meter,
                bandwidth);
        handler.plainHttp(new Mp3HttpService(guard, new PathRegistry(catalog), engine, new Mp3HttpSettings(10, 1, 4000, 5), meter,
                bandwidth, record -> { }));
        control = new ControlExecutor(2, 100, (name, loop) -> threads.execute(loop));
        server = new RtspServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10, handler, control,
                DecoderLimits.DEFAULTS, "Test");
        server.bind();
        threads.execute(server);
    }

    private AccessDecision decide(AccessRequest request) {
        asked.add(request.path());
        String path = request.path();
        return path.equals("movies/private") || path.startsWith("movies/private/")
                ? AccessDecision.challenge("credentials needed", "Test Realm", List.of())
                : AccessDecision.allow("open");
    }

    @AfterEach
    void stop() throws Exception {
        if (control != null) {
            control.close();
        }
        if (server == null) {
            return;
        }
        server.close();
        engine.close();
        udp.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void everySpellingOfAProtectedFileIsRefusedOverRtsp() throws Exception {
        for (String spelling : List.of("movies/private/test.mp4", "movies//private/test.mp4", "movies/./private/test.mp4",
                "movies/x/../private/test.mp4", "movies%2Fprivate/test.mp4", "movies/%2e/private/test.mp4",
                "movies/private/test.mp4/", "open/x.mp4", "open/../movies/private/test.mp4")) {
            asked.clear();
            assertEquals(401, status(rtsp("DESCRIBE", spelling, "")), spelling);
            assertEquals(List.of("movies/private/test.mp4"), asked, spelling);
        }
        assertEquals(401, status(rtsp("SETUP", "open/x.mp4/trackID=1", "Transport: RTP/AVP/TCP;interleaved=0-1\r\n")),
                "SETUP of a track through the link");
        assertEquals(401, status(rtsp("PLAY", "movies//private/test.mp4", "Session: 12345678\r\n")), "aggregate PLAY");
        assertEquals(200, status(rtsp("DESCRIBE", "open/free.mp4", "")), "an open file still plays");
    }

    @Test
    void malformedPathsGet400AndPathsOutOfTheRoot403WithoutAnyAccessQuestion() throws Exception {
        assertEquals(400, status(rtsp("DESCRIBE", "movies/private/%252e%252e/private/test.mp4", "")), "double encoding");
        assertEquals(400, status(rtsp("DESCRIBE", "movies/private/%zz.mp4", "")), "an invalid escape");
        assertEquals(400, status(rtsp("DESCRIBE", "movies/private/%00.mp4", "")), "a NUL");
        assertEquals(400, status(rtsp("DESCRIBE", "movies%5Cprivate%5Ctest.mp4", "")), "backslashes");
        assertEquals(403, status(rtsp("DESCRIBE", "movies/../../etc/passwd", "")));
        assertEquals(List.of(), asked);
    }

    @Test
    void missingFilesInAProtectedFolderAreRefusedLikeExistingOnesAndShareOneQuestion() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, status(rtsp("DESCRIBE", "movies/private/random-" + i + ".mp4", "")));
        }
        assertEquals(401, status(rtsp("DESCRIBE", "movies/private/no/such/folder.mp4", "")));
        assertEquals(404, status(rtsp("DESCRIBE", "open/random.mp4", "")), "an open folder says what is missing");
        assertEquals(List.of("movies/private", "movies/private", "movies/private", "movies/private", "movies/private",
                "movies/private", "open"), asked, "asked about the folder, so one cached answer serves them all");
    }

    @Test
    void everySpellingOfAProtectedMp3IsRefusedOverHttp() throws Exception {
        for (String spelling : List.of("movies/private/song.mp3", "movies//private/song.mp3", "movies/./private/song.mp3",
                "movies/x/../private/song.mp3", "movies%2Fprivate/song.mp3", "movies/%2e/private/song.mp3",
                "movies/private/song.mp3/", "open/x.mp3")) {
            asked.clear();
            assertEquals(401, status(http(spelling)), spelling);
            assertEquals(List.of("movies/private/song.mp3"), asked, spelling);
        }
        asked.clear();
        assertEquals(401, status(http("movies/private/missing.mp3")));
        assertEquals(List.of("movies/private"), asked);
        assertEquals(400, status(http("movies/private/%252e.mp3")), "double encoding");
        assertEquals(403, status(http("../outside.mp3")));
    }

    @Test
    void aggregatePlayMustNameTheSessionsPresentation() throws Exception {
        Files.copy(media.resolve("open/free.mp4"), media.resolve("open/other.mp4"));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            String base = "rtsp://127.0.0.1:" + server.port() + "/";
            String setup = send(socket, "SETUP " + base + "open/free.mp4/trackID=1 RTSP/1.0\r\nCSeq: 1\r\n"
                    + "Transport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n");
            assertEquals(200, status(setup), setup);
            Matcher session = Pattern.compile("Session: ([^;\r]+)").matcher(setup);
            assertTrue(session.find(), setup);
            String other = send(socket, "PLAY " + base + "open/other.mp4 RTSP/1.0\r\nCSeq: 2\r\nSession: "
                    + session.group(1) + "\r\n\r\n");
            assertEquals(459, status(other), "access was decided on another file than the session plays");
            String same = send(socket, "PLAY " + base + "open//./free.mp4/ RTSP/1.0\r\nCSeq: 3\r\nSession: "
                    + session.group(1) + "\r\n\r\n");
            assertEquals(200, status(same), "another spelling of the session's own presentation");
        }
    }

    @Test
    void aFileThatAppearsAfterTheDecisionIsStillMissingForThatRequest() throws Exception {
        PathResolver paths = new PathResolver(new PathRegistry(new MediaCatalog(media)));
        Target decided = paths.targetOfPath("open/late.mp4");
        assertEquals("open", decided.canonical().accessPath(AccessAction.READ), "decided on the folder");
        Files.copy(media.resolve("open/free.mp4"), media.resolve("open/late.mp4"));
        RefusedException refused = assertThrows(RefusedException.class, () -> paths.source(decided));
        assertEquals(404, refused.refusal().code());
        assertNotNull(paths.source(paths.targetOfPath("open/late.mp4")), "the next request finds it");
    }

    private String rtsp(String method, String path, String headers) throws Exception {
        return exchange(method + " rtsp://127.0.0.1:" + server.port() + "/" + path + " RTSP/1.0\r\nCSeq: 1\r\n" + headers
                + "\r\n", "RTSP/1.0 ");
    }

    private String http(String path) throws Exception {
        return exchange("GET /" + path + " HTTP/1.0\r\n\r\n", "HTTP/1.0 ");
    }

    private String exchange(String request, String protocol) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            String head = send(socket, request);
            assertTrue(head.startsWith(protocol), head);
            return head;
        }
    }

    /** Sends a request and reads the answer's head (bodies are not read: each test reads one answer per request). */
    private static String send(Socket socket, String request) throws Exception {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
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

    private static int status(String head) {
        Matcher m = Pattern.compile("^\\S+ (\\d{3}) ").matcher(head);
        assertTrue(m.find(), head);
        return Integer.parseInt(m.group(1));
    }
}
