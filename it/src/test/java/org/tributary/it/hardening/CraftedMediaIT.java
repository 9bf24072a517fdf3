package org.tributary.it.hardening;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.RtspTestClient.Response;
import org.tributary.it.support.Tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crafted media files put in the media folder at run time: each is refused with 415 quickly, once parsed,
 * and the server keeps streaming normal files; an HTTP client always gets an HTTP status line.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CraftedMediaIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final Path MEDIA = Path.of(System.getProperty("it.media.dir"));
    private static final Path SERVER_LOG = Path.of(System.getProperty("it.log.dir"), "server.log");
    private static final String HUGE_STSZ = "crafted-stsz-" + RUN + ".mp4";
    private static final String HUGE_HINT = "crafted-hint-" + RUN + ".mp4";
    private static final String NEGATIVE_ID3 = "crafted-id3-" + RUN + ".mp3";
    private static final String JUNK_MP3 = "crafted-junk-" + RUN + ".mp3";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void craftFiles() throws IOException {
        Files.write(MEDIA.resolve(HUGE_STSZ),
                CraftedFiles.withFixedSizeStsz(Files.readAllBytes(MEDIA.resolve("sample.mp4")), 1, 50_000_000));
        Files.write(MEDIA.resolve(HUGE_HINT),
                CraftedFiles.withMaxPacketSize(Files.readAllBytes(MEDIA.resolve("sample-hinted.mp4")), 0xFFFF_FFF0L));
        Files.write(MEDIA.resolve(NEGATIVE_ID3),
                CraftedFiles.withNegativeId3ExtendedHeader(Files.readAllBytes(MEDIA.resolve("sample.mp3"))));
        Files.write(MEDIA.resolve(JUNK_MP3), new byte[64 * 1024]);
    }

    private static Response describe(String file) throws IOException {
        try (RtspTestClient client = new RtspTestClient()) {
            return client.request("DESCRIBE", Endpoints.RTSP + file, 1, "Accept: application/sdp");
        }
    }

    @Test
    void aStszClaimingFiftyMillionSamplesGets415QuicklyAndNormalFilesStillPlay() throws Exception {
        long start = System.nanoTime();
        Response r = describe(HUGE_STSZ);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(415, r.status(), r.reason());
        assertTrue(millis < 5_000, "answered in " + millis + " ms");
        assertTrue(awaitLogLines(HUGE_STSZ + " cannot be parsed (refused until the file changes)", 1)
                .get(0).contains("'stsz' box"), "the log names the box");
        Tools.Result probe = Tools.run(30, "ffprobe", "-hide_banner", "-loglevel", "error", "-show_entries",
                "stream=codec_name", "-of", "csv=p=0", Endpoints.RTSP + "sample.mp4");
        assertEquals(0, probe.exitCode(), probe.stderr());
        assertTrue(probe.lines().contains("h264"), probe.stdout());
    }

    @Test
    void theSameBrokenFileIsParsedOnceUntilItChanges() throws Exception {
        String name = "crafted-twice-" + RUN + ".mp4";
        Path file = MEDIA.resolve(name);
        Files.write(file, CraftedFiles.withFixedSizeStsz(Files.readAllBytes(MEDIA.resolve("sample.mp4")), 1, 50_000_000));
        String marker = name + " cannot be parsed (refused until the file changes)";
        assertEquals(415, describe(name).status());
        assertEquals(415, describe(name).status());
        assertEquals(1, awaitLogLines(marker, 1).size(), "the second DESCRIBE is answered from memory");
        Files.write(file, CraftedFiles.withFixedSizeStsz(Files.readAllBytes(MEDIA.resolve("sample.mp4")), 1, 40_000_000));
        assertEquals(415, describe(name).status());
        assertEquals(2, awaitLogLines(marker, 2).size(), "a changed file is parsed again");
    }

    @Test
    void aHintTrackWithAHugeMaxPacketSizeGets415() throws Exception {
        assertEquals(415, describe(HUGE_HINT).status());
        assertTrue(awaitLogLines(HUGE_HINT + " cannot be parsed", 1).get(0).contains("maxPacketSize 4294967280"));
        assertEquals(200, describe("sample-hinted.mp4").status(), "the real hinted file is served");
    }

    @Test
    void anMp3WithANegativeId3ExtendedHeaderSizeGetsAnHttpAnswer() throws Exception {
        List<String> head = httpGet(NEGATIVE_ID3);
        assertTrue(head.get(0).startsWith("HTTP/1."), "an HTTP status line, not an RTSP one: " + head.get(0));
        assertTrue(head.get(0).endsWith(" 200 OK"), "the tag is damaged, the audio is fine: " + head);
        assertTrue(head.contains("Content-Type: audio/mpeg"), head.toString());
    }

    @Test
    void anMp3WithoutAudioGets415WithAJsonBodyOverHttp() throws Exception {
        List<String> answer = httpGet(JUNK_MP3);
        assertTrue(answer.get(0).matches("HTTP/1\\.[01] 415 Unsupported Media Type"), answer.toString());
        assertTrue(answer.get(answer.size() - 1).startsWith("{\"status\":415,\"error\":"), answer.toString());
        assertTrue(awaitLogLines(JUNK_MP3 + "' is not MPEG audio", 1).get(0).contains("WARN"));
    }

    /** The status line, the headers and, when the server closes, the body's first line. */
    private static List<String> httpGet(String file) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Endpoints.RTSP_PORT)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /" + file + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: crafted-" + RUN + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                lines.add(line);
            }
            if (!lines.isEmpty() && !lines.get(0).contains(" 200 ")) {
                String body = in.readLine();
                if (body != null) {
                    lines.add(body);
                }
            }
            return lines;
        }
    }

    /** The server log lines containing {@code text}, once there are at least {@code atLeast} (10 s at most). */
    private static List<String> awaitLogLines(String text, int atLeast) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<String> lines = Files.readAllLines(SERVER_LOG, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains(text)).toList();
            if (lines.size() >= atLeast || System.nanoTime() > deadline) {
                assertTrue(lines.size() >= atLeast, "expected " + atLeast + " log lines with '" + text + "': " + lines);
                return lines;
            }
            Thread.sleep(100);
        }
    }
}
