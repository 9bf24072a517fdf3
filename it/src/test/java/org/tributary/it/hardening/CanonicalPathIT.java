package org.tributary.it.hardening;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.ejb.logs.AccessLog;
import org.tributary.ejb.logs.W3cLogParser;
import org.tributary.ejb.users.UserService;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.Tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access is decided on the canonical path (issue #11, items 1 and 12): a folder protected by a rule
 * cannot be reached by another spelling of its files' paths (repeated slashes, dot segments, encoded
 * slashes and dots, a trailing slash, a symbolic link from an open folder), over RTSP, the HTTP tunnel
 * or MP3 over HTTP; double encoding is refused with 400; with credentials the files still play; random
 * missing names in one folder share one access decision, and a normal client is served during such a flood.
 */
@ExtendWith(ArquillianExtension.class)
class CanonicalPathIT {

    static final String FOLDER = "it-canon";
    static final String PRIVATE = FOLDER + "/private";
    static final String USER = "it-canon-user";
    static final String PASSWORD = "canon-pass";

    /** Spellings of {@code it-canon/private/<name>} (and one of a missing file there) that must all be refused. */
    static List<String> spellings(String name, String link) {
        return List.of(PRIVATE + "/" + name, FOLDER + "//private/" + name, FOLDER + "/./private/" + name,
                FOLDER + "/open/../private/" + name, FOLDER + "%2Fprivate%2F" + name, FOLDER + "/%2e/private/" + name,
                FOLDER + "/open/%2e%2e/private/" + name, PRIVATE + "/" + name + "/", FOLDER + "/open/" + link,
                PRIVATE + "/no-such-" + name);
    }

    static final String DOUBLE_ENCODED = FOLDER + "/open/%252e%252e/private/";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(CanonicalPathIT.class, CanonicalPathIT.Tunnel.class,
                CanonicalPathIT.DecisionCounter.class, Tools.class);
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
    void protectedFolderWithLinksIntoIt() throws Exception {
        Path secret = Files.createDirectories(root().resolve(PRIVATE));
        Path open = Files.createDirectories(root().resolve(FOLDER).resolve("open"));
        Files.copy(root().resolve("sample.mp4"), secret.resolve("test.mp4"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(root().resolve("sample.mp3"), secret.resolve("song.mp3"), StandardCopyOption.REPLACE_EXISTING);
        for (String name : List.of("x.mp4", "x.mp3")) {
            Files.deleteIfExists(open.resolve(name));
        }
        Files.createSymbolicLink(open.resolve("x.mp4"), Path.of("../private/test.mp4"));
        Files.createSymbolicLink(open.resolve("x.mp3"), Path.of("../private/song.mp3"));
        users.putUser(USER, null, PASSWORD);
        access.putRule(new RuleSpec(PRIVATE, null, AuthScheme.BASIC, Permission.of(Audience.ANY_USER), null, null, null,
                "CanonicalPathIT"));
    }

    @AfterEach
    void removeRuleAndUser() {
        access.removeRule(PRIVATE);
        users.removeUser(USER);
    }

    static String basic() {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    static int describe(String path, String... headers) throws IOException {
        try (RtspTestClient client = new RtspTestClient()) {
            return client.request("DESCRIBE", Endpoints.RTSP + path, 1, headers).status();
        }
    }

    @Test
    void everySpellingIsRefusedOverRtspAndTheAccessLogShowsTheCanonicalPath() throws Exception {
        for (String spelling : spellings("test.mp4", "x.mp4")) {
            assertEquals(401, describe(spelling), spelling);
        }
        assertEquals(400, describe(DOUBLE_ENCODED + "test.mp4"), "double encoding");
        assertEquals(400, describe(PRIVATE + "/%zz.mp4"), "an invalid escape");
        // This file system is case-sensitive: another case names another, missing folder (never the protected file).
        assertFalse(Files.exists(root().resolve(FOLDER + "/Private")));
        assertEquals(404, describe(FOLDER + "/Private/test.mp4"));

        String agent = "CanonicalPathIT-" + UUID.randomUUID();
        // From an address of its own: the refusals above may already be folded into one counted record.
        try (RtspTestClient client = new RtspTestClient(java.net.InetAddress.getByName("127.0.0.31"))) {
            assertEquals(401, client.request("DESCRIBE", Endpoints.RTSP + FOLDER + "//open/../private/./test.mp4", 1,
                    "User-Agent: " + agent).status());
        }
        W3cLogParser.Entry line = awaitLogLine(agent);
        assertEquals("/" + PRIVATE + "/test.mp4", line.get("cs-uri-stem"));
        assertEquals("401", line.get("c-status"));
    }

    @Test
    void everySpellingIsRefusedThroughTheHttpTunnel() throws Exception {
        try (Tunnel tunnel = new Tunnel(Endpoints.TUNNEL_PORT)) {
            for (String spelling : spellings("test.mp4", "x.mp4")) {
                assertEquals(401, tunnel.describe(spelling), spelling);
            }
            assertEquals(400, tunnel.describe(DOUBLE_ENCODED + "test.mp4"), "double encoding");
            assertEquals(200, tunnel.describe(FOLDER + "//open/./x.mp4", basic()), "with credentials it plays");
        }
    }

    @Test
    void everySpellingOfAnMp3IsRefusedOverHttp() throws Exception {
        for (String spelling : spellings("song.mp3", "x.mp3")) {
            assertEquals(401, httpStatus("GET", spelling), spelling);
        }
        assertEquals(400, httpStatus("GET", DOUBLE_ENCODED + "song.mp3"), "double encoding");
        assertEquals(200, httpStatus("HEAD", PRIVATE + "/song.mp3", basic()));
        assertEquals(200, httpStatus("HEAD", FOLDER + "/open/x.mp3", basic()), "the link, with credentials");
    }

    @Test
    void withCredentialsTheFilesStillPlay() throws Exception {
        for (String path : List.of(PRIVATE + "/test.mp4", FOLDER + "/open/x.mp4")) {
            Tools.Result r = Tools.run(30, "ffprobe", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp",
                    "-show_entries", "stream=codec_type", "-of", "csv=p=0",
                    "rtsp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + Endpoints.RTSP_PORT + "/" + path);
            assertEquals(0, r.exitCode(), path + ": " + r.stderr());
            assertTrue(r.lines().contains("video") && r.lines().contains("audio"), r.stdout());
        }
        assertEquals(200, describe(FOLDER + "/open/../private//test.mp4", basic()));
        assertEquals(404, describe(PRIVATE + "/no-such-file.mp4", basic()), "with credentials a missing file is missing");
    }

    @Test
    void randomMissingPathsInOneFolderShareOneDecisionAndANormalClientIsServed() throws Exception {
        Logger logger = Logger.getLogger(AccessService.class.getName());
        Level level = logger.getLevel();
        DecisionCounter decisions = new DecisionCounter("'" + PRIVATE);
        logger.setLevel(Level.FINE);
        logger.addHandler(decisions);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            assertEquals(401, describe(PRIVATE + "/warm-up.mp4"));
            int warmUp = decisions.count();
            assertTrue(warmUp >= 1, "the first question about the folder is decided (and counted)");

            AtomicBoolean normalServed = new AtomicBoolean();
            AtomicInteger sent = new AtomicInteger();
            List<Future<List<Integer>>> flood = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                flood.add(clients.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    try (RtspTestClient client = new RtspTestClient()) {
                        // Each client loops until the normal client was served and 200 names were asked in all.
                        for (int cseq = 1; !normalServed.get() || sent.get() < 200; cseq++) {
                            sent.incrementAndGet();
                            statuses.add(client.request("DESCRIBE", Endpoints.RTSP + PRIVATE + "/" + UUID.randomUUID()
                                    + ".mp4", cseq).status());
                        }
                    }
                    return statuses;
                }));
            }
            long start = System.nanoTime();
            int normal = describe("sample.mp4");
            long millis = (System.nanoTime() - start) / 1_000_000;
            normalServed.set(true);
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> f : flood) {
                statuses.addAll(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(200, normal);
            assertTrue(millis < 5000, "a normal DESCRIBE during the flood took " + millis + " ms");
            assertTrue(statuses.size() >= 200, statuses.size() + " missing names asked");
            assertTrue(statuses.stream().allMatch(s -> s == 401), "a missing file in the protected folder is refused: "
                    + statuses.stream().distinct().toList());
            int asked = decisions.count() - warmUp;
            assertTrue(asked <= 2, asked + " access decisions for " + statuses.size() + " missing names in one folder");
        } finally {
            clients.shutdownNow();
            logger.removeHandler(decisions);
            logger.setLevel(level);
        }
    }

    W3cLogParser.Entry awaitLogLine(String userAgent) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<W3cLogParser.Entry> found = W3cLogParser.parse(accessLog.path()).entries().stream()
                    .filter(e -> userAgent.equals(e.text("cs(User-Agent)"))).toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            assertTrue(System.nanoTime() < deadline, "no access-log line for " + userAgent);
            Thread.sleep(200);
        }
    }

    /** The status of a plain HTTP request on the RTSP port (MP3 over HTTP), sent byte for byte as given. */
    static int httpStatus(String method, String path, String... headers) throws IOException {
        try (Socket socket = new Socket(RtspTestClient.HOST, Endpoints.RTSP_PORT)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(method + " /" + path + " HTTP/1.0\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            String status = readLine(socket.getInputStream());
            assertTrue(status.startsWith("HTTP/1.0 "), status);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }

    /** RTSP over HTTP as QuickTime speaks it: a GET half that carries the answers, a POST half with base64 requests. */
    static final class Tunnel implements AutoCloseable {
        private final int port;
        private final Socket get;
        private final Socket post;
        private int cseq;

        Tunnel(int port) throws IOException {
            this.port = port;
            String cookie = UUID.randomUUID().toString().replace("-", "");
            get = new Socket(RtspTestClient.HOST, port);
            get.setSoTimeout(10_000);
            send(get, "GET /" + FOLDER + " HTTP/1.0\r\nx-sessioncookie: " + cookie
                    + "\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n");
            String status = readLine(get.getInputStream());
            assertTrue(status.startsWith("HTTP/1.0 200"), status);
            while (!readLine(get.getInputStream()).isEmpty()) {
                // the GET half's headers
            }
            post = new Socket(RtspTestClient.HOST, port);
            send(post, "POST /" + FOLDER + " HTTP/1.0\r\nx-sessioncookie: " + cookie
                    + "\r\nContent-Type: application/x-rtsp-tunnelled\r\nContent-Length: 32767\r\n\r\n");
        }

        /** Sends a DESCRIBE through the POST half and reads its answer from the GET half. */
        int describe(String path, String... headers) throws IOException {
            StringBuilder request = new StringBuilder("DESCRIBE rtsp://127.0.0.1:" + port + "/" + path
                    + " RTSP/1.0\r\nCSeq: " + ++cseq + "\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            send(post, Base64.getEncoder().encodeToString(request.append("\r\n").toString()
                    .getBytes(StandardCharsets.ISO_8859_1)));
            InputStream in = get.getInputStream();
            String status = readLine(in);
            assertTrue(status.startsWith("RTSP/1.0 "), status);
            int length = 0;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            in.readNBytes(length);
            return Integer.parseInt(status.substring(9, 12));
        }

        private static void send(Socket socket, String text) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            post.close();
            get.close();
        }
    }

    /** Counts the EJB side's access decisions (its FINE lines) about one folder, as they are made. */
    static final class DecisionCounter extends Handler {
        private final String folder;
        private final AtomicInteger count = new AtomicInteger();

        DecisionCounter(String folder) {
            this.folder = folder;
            setLevel(Level.ALL);
        }

        int count() {
            return count.get();
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().startsWith("access decision on ")
                    && record.getMessage().contains(folder)) {
                count.incrementAndGet();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
