package org.tributary.mp3http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.event.AccessRecord;
import org.tributary.auth.AccessGuard;
import org.tributary.auth.AuthSettings;
import org.tributary.catalog.MediaCatalog;
import org.tributary.engine.StreamingEngine;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.server.RtspServer;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on a real socket, without a server around it: a selector loop, one sender thread and an
 * access check that allows everything except the folder "locked". The MP3 is synthetic: 115 frames of
 * MPEG-1 Layer III at 128 kbit/s (3 s).
 */
class Mp3HttpServiceTest {

    private static final int HEADER = 0xFFFB9064; // MPEG-1 L3 128 kbit/s 44.1 kHz, 417 bytes
    private static final int FRAME = 417;
    private static final int FRAMES = 115;

    @TempDir
    Path media;

    private final BlockingQueue<AccessRecord> records = new LinkedBlockingQueue<>();
    private ExecutorService threads;
    private StreamingEngine engine;
    private RtspServer server;

    @BeforeEach
    void serve() throws Exception {
        ByteBuffer file = ByteBuffer.allocate(FRAMES * FRAME);
        for (int i = 0; i < FRAMES; i++) {
            file.putInt(i * FRAME, HEADER);
            file.putInt(i * FRAME + 4, i);
        }
        Files.write(media.resolve("tone.mp3"), file.array());
        Files.createDirectories(media.resolve("locked"));
        Files.write(media.resolve("locked/tone.mp3"), file.array());

        threads = Executors.newCachedThreadPool();
        engine = new StreamingEngine(1, (name, loop) -> threads.execute(loop));
        AccessGuard guard = AccessGuard.standard(request -> request.path().startsWith("locked/")
                ? AccessDecision.challenge("credentials needed", "Test Realm", List.of())
                : AccessDecision.allow("open"), AuthSettings.DEFAULTS);
        Mp3HttpService service = new Mp3HttpService(guard, new MediaCatalog(media), engine,
                new Mp3HttpSettings(10, 1, 4000, 5), records::add);
        server = new RtspServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10, service, threads,
                DecoderLimits.DEFAULTS, "Test");
        server.bind();
        threads.execute(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        engine.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private Socket get(String path, String... headers) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        StringBuilder request = new StringBuilder("GET /" + path + " HTTP/1.0\r\nUser-Agent: unit\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
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

    @Test
    void theWholeFileArrivesWithMetadataPacedAfterTheBurst() throws Exception {
        long start = System.nanoTime();
        try (Socket socket = get("tone.mp3", "Icy-MetaData: 1")) {
            InputStream in = socket.getInputStream();
            String head = head(in);
            assertTrue(head.startsWith("HTTP/1.0 200 OK\r\n"), head);
            String names = head.toLowerCase(java.util.Locale.ROOT); // header names are case-insensitive
            assertTrue(names.contains("content-type: audio/mpeg\r\n") && names.contains("icy-metaint: 4000\r\n"), head);
            byte[] body = in.readAllBytes(); // until the server closes at the end of the file
            long millis = (System.nanoTime() - start) / 1_000_000;
            // 3 s of audio with a 1 s burst: about 2 s, never all at once.
            assertTrue(millis > 1_700 && millis < 6_000, "took " + millis + " ms");

            ByteArrayOutputStream audio = new ByteArrayOutputStream();
            int i = 0;
            int blocks = 0;
            while (i < body.length) {
                int n = Math.min(4000, body.length - i);
                audio.write(body, i, n);
                i += n;
                if (i < body.length) {
                    int length = (body[i] & 0xFF) * 16;
                    if (blocks++ == 0) {
                        assertTrue(new String(body, i + 1, length, StandardCharsets.UTF_8).startsWith("StreamTitle='tone';"));
                    } else {
                        assertEquals(0, length);
                    }
                    i += 1 + length;
                }
            }
            assertEquals(FRAMES * FRAME, audio.size(), "every frame, once");
            ByteBuffer frames = ByteBuffer.wrap(audio.toByteArray());
            for (int f = 0; f < FRAMES; f++) {
                assertEquals(f, frames.getInt(f * FRAME + 4), "frame " + f + " in order");
            }
            assertEquals(FRAMES * FRAME / 4000, blocks);
        }
        AccessRecord record = records.poll(5, TimeUnit.SECONDS);
        assertNotNull(record, "one access record per ended stream");
        assertEquals("end of file", record.endReason());
        assertEquals(200, record.status());
        assertEquals(AccessRecord.HTTP, record.protocol());
        assertEquals("/tone.mp3", record.uriStem());
        assertEquals(FRAMES * FRAME, record.bytesSent());
        assertEquals(FRAMES, record.packetsSent());
    }

    @Test
    void aClientThatHangsUpEndsItsStream() throws Exception {
        try (Socket socket = get("tone.mp3")) {
            assertTrue(head(socket.getInputStream()).startsWith("HTTP/1.0 200 OK"));
            socket.getInputStream().readNBytes(10_000);
        }
        AccessRecord record = records.poll(5, TimeUnit.SECONDS);
        assertNotNull(record);
        assertEquals("client gone", record.endReason());
        assertTrue(record.bytesSent() < FRAMES * FRAME, "ended early: " + record.bytesSent());
    }

    @Test
    void refusalsCarryTheirStatusAndChallenges() throws Exception {
        try (Socket socket = get("locked/tone.mp3")) {
            String head = head(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.0 401 Unauthorized"), head);
            assertTrue(head.contains("WWW-Authenticate: Digest realm=\"Test Realm\"") && head.contains(
                    "WWW-Authenticate: Basic realm=\"Test Realm\""), head);
        }
        try (Socket socket = get("missing.mp3")) {
            InputStream in = socket.getInputStream();
            assertTrue(head(in).startsWith("HTTP/1.0 404 Not Found"));
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).startsWith("{\"status\":404,\"error\":"));
        }
        try (Socket socket = get("../tone.mp3")) {
            assertTrue(head(socket.getInputStream()).startsWith("HTTP/1.0 403 Forbidden"));
        }
        assertEquals(0, records.size(), "refusals go to the refusal listener, not the stream records");
    }
}
