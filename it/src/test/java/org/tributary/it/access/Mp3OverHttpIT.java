package org.tributary.it.access;

import jakarta.ejb.EJB;
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
import org.tributary.ejb.logs.AccessLog;
import org.tributary.ejb.logs.W3cLogParser;
import org.tributary.ejb.users.UserService;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.Tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MP3 over HTTP on the RTSP port (and the tunnel port), played by mpg123 and fetched by curl: the whole
 * file decodes, paced at its bit rate after the initial burst; protected folders answer 401 with the
 * same challenges as RTSP, play with Basic and Digest, refuse outsiders with 403; ICY metadata carries
 * the ID3 title when asked for; every ended stream leaves one line in the access log.
 */
@ExtendWith(ArquillianExtension.class)
class Mp3OverHttpIT {

    static final String FOLDER = "it-mp3";
    static final String FENCED = "it-mp3-fenced";
    static final String TITLED = "it-mp3-open/titled.mp3";
    static final String TITLE = "Tributary IT Tone";
    static final String PASSWORD = "mp3 pass";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(Mp3OverHttpIT.class, Tools.class);
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

    static String url(int port, String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    static String url(String path) {
        return url(Endpoints.RTSP_PORT, path);
    }

    @BeforeEach
    void filesUsersAndRules() throws Exception {
        for (String folder : List.of(FOLDER, FENCED)) {
            Files.createDirectories(root().resolve(folder));
            Files.copy(root().resolve("sample.mp3"), root().resolve(folder).resolve("sample.mp3"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Path titled = root().resolve(TITLED);
        if (!Files.exists(titled)) {
            Files.createDirectories(titled.getParent());
            Tools.Result made = Tools.run(30, "ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i",
                    root().resolve("sample.mp3").toString(), "-c", "copy", "-metadata", "title=" + TITLE, titled.toString());
            assertEquals(0, made.exitCode(), made.stderr());
        }
        users.putUser("it-mp3-listener", null, PASSWORD);
        users.putUser("it-mp3-outsider", null, "outsider-pw");
        users.putGroup("it-mp3-listeners", List.of("it-mp3-listener"));
        access.putRule(new RuleSpec(FOLDER, null, null, Permission.listed(List.of(), List.of("it-mp3-listeners")),
                null, null, null, "IT"));
        access.putRule(new RuleSpec(FENCED, null, null, Permission.of(Audience.ANY_USER), null, null,
                List.of("127.0.0.0/8"), "IT"));
    }

    @AfterEach
    void removeThem() {
        List.of(FOLDER, FENCED).forEach(access::removeRule);
        users.removeGroup("it-mp3-listeners");
        users.removeUser("it-mp3-listener");
        users.removeUser("it-mp3-outsider");
    }

    /** What curl received: status, header lines (lower-case names) and the body file. */
    record Fetched(int exitCode, int status, List<String> headers, byte[] body, long millis) {
        List<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).toList();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Fetched curl(String... args) throws Exception {
        Path dir = Files.createTempDirectory("curl");
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--path-as-is", "-D", dir.resolve("h").toString(),
                "-o", dir.resolve("b").toString()));
        command.addAll(List.of(args));
        Tools.Result r = Tools.run(40, command.toArray(new String[0]));
        List<String> all = Files.exists(dir.resolve("h")) ? Files.readAllLines(dir.resolve("h")) : List.of();
        // With --digest curl writes the 401's headers first: keep the last response's.
        int last = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("HTTP/")) {
                last = i;
            }
        }
        List<String> headers = all.subList(last, all.size());
        int status = headers.isEmpty() ? -1 : Integer.parseInt(headers.get(0).split(" ")[1]);
        byte[] body = Files.exists(dir.resolve("b")) ? Files.readAllBytes(dir.resolve("b")) : new byte[0];
        return new Fetched(r.exitCode(), status, headers, body, r.millis());
    }

    /**
     * Decodes an MP3 (file or URL) with mpg123 to a WAV file and returns its bytes. With gapless trimming
     * (mpg123's default): the stream starts with the file's LAME Info frame, so the encoder delay and
     * padding are trimmed from the stream's decoding exactly as from the local file's.
     */
    static byte[] mpg123(String input) throws Exception {
        Path wav = Files.createTempFile("mpg123", ".wav");
        Tools.Result r = Tools.run(40, "mpg123", "-q", "-w", wav.toString(), input);
        assertEquals(0, r.exitCode(), "mpg123 " + input + ": " + r.stderr());
        return Files.readAllBytes(wav);
    }

    List<W3cLogParser.Entry> awaitLogLines(Predicate<W3cLogParser.Entry> which, int count) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<W3cLogParser.Entry> found = W3cLogParser.parse(accessLog.path()).entries().stream().filter(which).toList();
            if (found.size() >= count || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(200);
        }
    }

    static Predicate<W3cLogParser.Entry> httpLine(String uriStem) {
        return e -> "HTTP".equals(e.get("protocol")) && uriStem.equals(e.get("cs-uri-stem"))
                && "200".equals(e.get("c-status"));
    }

    @Test
    void mpg123DecodesTheOpenSampleOverHttpAtItsOwnPace() throws Exception {
        byte[] reference = mpg123(root().resolve("sample.mp3").toString());
        long start = System.nanoTime();
        byte[] overHttp = mpg123(url("sample.mp3"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(reference.length, overHttp.length, "the same number of decoded samples");
        assertArrayEquals(reference, overHttp, "the same audio");
        // 10 s of audio, of which 3 s are sent at once: the rest comes at the file's own rate.
        assertTrue(millis > 5_500 && millis < 25_000, "took " + millis + " ms");

        W3cLogParser.Entry line = awaitLogLines(httpLine("/sample.mp3")
                .and(e -> e.text("cs(User-Agent)") != null && e.text("cs(User-Agent)").startsWith("mpg123")), 1).get(0);
        assertTrue(line.number("sc-bytes") > 150_000, "10 s at 128 kbit/s: " + line.get("sc-bytes"));
        assertEquals("TCP", line.get("transport"));
        assertEquals("MPA", line.get("audiocodec"));
        assertTrue(line.number("x-duration") >= 5, line.get("x-duration"));
    }

    @Test
    void withoutCredentialsCurlGetsTheChallenges() throws Exception {
        Fetched f = curl(url(FOLDER + "/sample.mp3"));
        assertEquals(401, f.status(), f.headers().toString());
        List<String> challenges = f.header("WWW-Authenticate");
        assertEquals(3, challenges.size(), challenges.toString());
        assertTrue(challenges.get(0).matches("Digest realm=\"Streaming Server\", nonce=\"[A-Za-z0-9_-]+\", "
                + "algorithm=SHA-256, qop=\"auth\""), challenges.get(0));
        assertTrue(challenges.get(1).endsWith("algorithm=MD5, qop=\"auth\""), challenges.get(1));
        assertEquals("Basic realm=\"Streaming Server\"", challenges.get(2));
        assertTrue(f.bodyText().contains("\"status\":401"), f.bodyText());
        assertEquals(401, curl("--user", "it-mp3-listener:wrong", url(FOLDER + "/sample.mp3")).status());
    }

    @Test
    void curlPlaysAProtectedFileWithBasicAndWithDigest() throws Exception {
        CompletableFuture<Fetched> basic = CompletableFuture.supplyAsync(() -> fetch("--user", "it-mp3-listener:" + PASSWORD,
                url(FOLDER + "/sample.mp3")));
        CompletableFuture<Fetched> digest = CompletableFuture.supplyAsync(() -> fetch("--digest", "--user",
                "it-mp3-listener:" + PASSWORD, url(FOLDER + "/sample.mp3")));
        Fetched b = basic.get();
        Fetched d = digest.get();
        assertEquals(200, b.status(), b.headers().toString());
        assertEquals(200, d.status(), d.headers().toString());
        assertEquals(List.of("audio/mpeg"), b.header("Content-Type"));
        assertArrayEquals(b.body(), d.body(), "the same stream both ways");
        Path file = Files.createTempFile("basic", ".mp3");
        Files.write(file, b.body());
        assertArrayEquals(mpg123(root().resolve("sample.mp3").toString()), mpg123(file.toString()),
                "the whole file arrived");
        assertEquals(2, awaitLogLines(httpLine("/" + FOLDER + "/sample.mp3")
                .and(e -> "it-mp3-listener".equals(e.get("c-username"))), 2).size());
    }

    private static Fetched fetch(String... args) {
        try {
            return curl(args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOutsiderAndADeniedAddressGet403() throws Exception {
        assertEquals(403, curl("--user", "it-mp3-outsider:outsider-pw", url(FOLDER + "/sample.mp3")).status());
        assertEquals(403, curl("--user", "it-mp3-listener:" + PASSWORD, url(FENCED + "/sample.mp3")).status());
    }

    @Test
    void icyMetadataCarriesTheTitleWhenAskedFor() throws Exception {
        // Two seconds are enough for the burst (3 s of audio); curl then hangs up, which ends the stream.
        Fetched f = curl("-H", "Icy-MetaData: 1", "--max-time", "2", url(TITLED));
        assertEquals(28, f.exitCode(), "curl stopped by its time limit");
        assertEquals(200, f.status());
        assertEquals(List.of("16000"), f.header("icy-metaint"));
        assertEquals(List.of(TITLE), f.header("icy-name"));
        byte[] body = f.body();
        assertTrue(body.length > 2 * 16000 + 100, "the burst: " + body.length + " bytes");
        int length = (body[16000] & 0xFF) * 16;
        assertTrue(length > 0);
        String metadata = new String(body, 16001, length, StandardCharsets.UTF_8);
        assertTrue(metadata.startsWith("StreamTitle='" + TITLE + "';"), metadata);
        assertEquals(0, body[16001 + length + 16000], "the next block: no change");

        Fetched plain = curl("--max-time", "1", url(TITLED));
        assertTrue(plain.header("icy-metaint").isEmpty(), "no metadata unless asked");
        assertEquals((byte) 0xFF, plain.body()[0], "audio frames from the first byte");

        Fetched named = curl("-H", "Icy-MetaData: 1", "--max-time", "1", url("sample.mp3"));
        assertTrue(new String(named.body(), 16001, 16 * (named.body()[16000] & 0xFF), StandardCharsets.UTF_8)
                .startsWith("StreamTitle='sample';"), "no ID3 title: the file name");

        W3cLogParser.Entry line = awaitLogLines(httpLine("/" + TITLED), 2).get(0);
        assertTrue(line.number("sc-bytes") < 150_000, "a client that left early: " + line.get("sc-bytes"));
    }

    @Test
    void headErrorsAndTheTunnelPort() throws Exception {
        Fetched head = curl("-I", url("sample.mp3"));
        assertEquals(200, head.status());
        assertEquals(List.of("audio/mpeg"), head.header("Content-Type"));
        assertTrue(head.millis() < 3000, "HEAD does not stream: " + head.millis() + " ms");
        assertEquals(200, curl("-I", url(Endpoints.TUNNEL_PORT, "sample.mp3")).status(), "the tunnel port too");

        Fetched missing = curl(url("no-such-file.mp3"));
        assertEquals(404, missing.status());
        assertTrue(missing.bodyText().contains("\"status\":404"), missing.bodyText());
        assertEquals(403, curl(url("../outside.mp3")).status());
        Fetched put = curl("-X", "PUT", "-H", "Content-Type: audio/mpeg", url("sample.mp3"));
        assertEquals(401, put.status(), "a PUT is an Icecast source: it needs a broadcaster account");
        assertTrue(put.header("WWW-Authenticate").stream().anyMatch(c -> c.startsWith("Basic realm=")),
                put.headers().toString());
        Fetched post = curl("-d", "x=1", url("sample.mp3"));
        assertEquals(405, post.status(), "a POST that is no tunnel half");
        assertEquals(List.of("GET, HEAD, PUT, SOURCE"), post.header("Allow"));
        assertEquals(415, curl(url("sample.mp4")).status());
    }

    @Test
    void curlSeeksWithARangeAndAskingPastTheEndGets416() throws Exception {
        Fetched head = curl("-I", url("sample.mp3"));
        assertEquals(List.of("bytes"), head.header("Accept-Ranges"));
        long length = Long.parseLong(head.header("Content-Length").get(0));
        byte[] file = Files.readAllBytes(root().resolve("sample.mp3"));
        // The body is the Info frame and the audio frames (no ID3 tag): its end is the file's end.
        assertTrue(length < file.length && length > file.length - 10_000, length + " of " + file.length);

        Fetched tail = curl("-r", "-2000", url("sample.mp3"));
        assertEquals(206, tail.status(), tail.headers().toString());
        assertEquals(List.of("bytes " + (length - 2000) + "-" + (length - 1) + "/" + length),
                tail.header("Content-Range"));
        assertArrayEquals(java.util.Arrays.copyOfRange(file, file.length - 2000, file.length), tail.body(),
                "the last 2000 bytes, at once (within the burst)");
        assertTrue(tail.millis() < 5000, tail.millis() + " ms");

        Fetched past = curl("-r", length + "-", url("sample.mp3"));
        assertEquals(416, past.status());
        assertEquals(List.of("bytes */" + length), past.header("Content-Range"));
        assertTrue(past.bodyText().contains("\"status\":416"), past.bodyText());
        assertEquals(200, curl("-I", url("sample.mp3")).status(), "a 416 is no failed login: nothing is locked");
    }
}
