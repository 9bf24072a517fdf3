package org.tributary.mp3http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.stream.PathRegistry;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.event.AccessRecord;
import org.tributary.auth.AccessGuard;
import org.tributary.auth.AuthSettings;
import org.tributary.catalog.MediaCatalog;
import org.tributary.engine.StreamingEngine;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.api.SessionInfo;
import org.tributary.server.BandwidthLimit;
import org.tributary.server.ControlExecutor;
import org.tributary.server.RtspServer;
import org.tributary.session.TrafficMeter;

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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    private ControlExecutor control;
    private StreamingEngine engine;
    private RtspServer server;
    private final TrafficMeter meter = new TrafficMeter();
    private final BandwidthLimit bandwidth = new BandwidthLimit(meter, 0);
    private Mp3HttpService service;

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
        // The same frames after a LAME-style "Info" tag frame (after the 32 bytes of stereo side info).
        ByteBuffer tagged = ByteBuffer.allocate((FRAMES + 1) * FRAME);
        tagged.putInt(0, HEADER);
        tagged.put(36, "Info".getBytes(StandardCharsets.US_ASCII));
        tagged.put(FRAME, file.array());
        Files.write(media.resolve("tagged.mp3"), tagged.array());

        threads = Executors.newCachedThreadPool();
        engine = new StreamingEngine(1, (name, loop) -> threads.execute(loop));
        AccessGuard guard = AccessGuard.standard(request -> request.path().startsWith("locked/")
                ? AccessDecision.challenge("credentials needed", "Test Realm", List.of())
                : AccessDecision.allow("open"), AuthSettings.DEFAULTS);
        service = new Mp3HttpService(guard, new PathRegistry(new MediaCatalog(media)), engine,
                new Mp3HttpSettings(10, 1, 4000, 5), meter, bandwidth, records::add);
        control = new ControlExecutor(2, 100, (name, loop) -> threads.execute(loop));
        server = new RtspServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10, service, control,
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

    @Test
    void aStreamIsListedAsAnHttpSessionAndAnAdministratorEndsIt() throws Exception {
        try (Socket socket = get("tone.mp3")) {
            InputStream in = socket.getInputStream();
            assertTrue(head(in).startsWith("HTTP/1.0 200 OK"));
            byte[] first = in.readNBytes(FRAME);
            List<SessionInfo> listed = service.sessionInfos();
            assertEquals(1, listed.size(), "the stream is listed");
            SessionInfo info = listed.get(0);
            assertEquals(Mp3HttpService.TRANSPORT, info.transport());
            assertEquals("tone.mp3", info.path());
            assertEquals("unit", info.userAgent());
            assertEquals("127.0.0.1", info.clientAddress());
            assertNull(info.userName(), "anonymous");
            assertTrue(info.id().startsWith("HTTP-"), info.id());
            // The sender counts a batch once the socket took it, which may be after this client read it.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (info.bytesSent() < FRAME && System.nanoTime() < deadline) {
                Thread.sleep(10);
                info = service.sessionInfos().get(0);
            }
            assertTrue(info.bytesSent() >= FRAME, "bytes counted: " + info.bytesSent());
            service.sampleRates(System.nanoTime());
            Thread.sleep(400);
            service.sampleRates(System.nanoTime());
            assertTrue(service.sessionInfos().get(0).bitsPerSecond() > 0, "a current rate");

            assertTrue(service.stop(info.id()));
            byte[] rest = in.readAllBytes(); // the server closes after what was queued
            long received = first.length + rest.length;
            assertTrue(received < FRAMES * FRAME, "ended early: " + received);
            AccessRecord record = records.poll(5, TimeUnit.SECONDS);
            assertNotNull(record, "the access record is still written");
            assertEquals(Mp3HttpService.ENDED_BY_ADMIN, record.endReason());
            assertEquals(received, record.bytesSent(), "the record counts exactly what the client got");
            assertEquals(received, meter.bytesSent(), "the traffic meter counted every body byte");
        }
        assertTrue(service.sessionInfos().isEmpty());
        assertFalse(service.stop("HTTP-0"), "no such stream");
    }

    @Test
    void aStreamPastTheBandwidthLimitGets503() throws Exception {
        bandwidth.maxKbps(100); // the file needs 127 kbit/s (its frames over its duration)
        try (Socket socket = get("tone.mp3")) {
            InputStream in = socket.getInputStream();
            String head = head(in);
            assertTrue(head.startsWith("HTTP/1.0 503 Service Unavailable"), head);
            assertTrue(head.contains("Retry-After: 30"), head);
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body.startsWith("{\"status\":503,\"error\":\"not enough bandwidth: 0 kbit/s going out, tone.mp3"
                    + " needs 127 kbit/s, the limit is 100 kbit/s (maxBandwidthKbps)"), body);
        }
        assertTrue(service.sessionInfos().isEmpty());
        bandwidth.maxKbps(200);
        try (Socket socket = get("tone.mp3")) {
            assertTrue(head(socket.getInputStream()).startsWith("HTTP/1.0 200 OK"), "room again");
        }
    }

    @Test
    void aNewStreamLimitAppliesToTheNextRequest() throws Exception {
        service.settings(new Mp3HttpSettings(1, 1, 4000, 5));
        try (Socket first = get("tone.mp3")) {
            assertTrue(head(first.getInputStream()).startsWith("HTTP/1.0 200 OK"));
            try (Socket second = get("tone.mp3")) {
                InputStream in = second.getInputStream();
                assertTrue(head(in).startsWith("HTTP/1.0 503 Service Unavailable"));
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(body.contains("the limit of 1 MP3 streams is reached (mp3MaxStreams)"), body);
            }
        }
        service.settings(new Mp3HttpSettings(0, 1, 4000, 5));
        try (Socket off = get("tone.mp3")) {
            String body = new String(off.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body.contains("MP3 over HTTP is switched off"), body);
        }
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Test
    void aRangeGets206WithThoseBytesAndAWholeGetItsLength() throws Exception {
        byte[] file = Files.readAllBytes(media.resolve("tone.mp3"));
        try (Socket socket = get("tone.mp3", "Range: bytes=1000-4999")) {
            InputStream in = socket.getInputStream();
            String head = head(in);
            assertTrue(head.startsWith("HTTP/1.0 206 Partial Content\r\n"), head);
            assertEquals("bytes 1000-4999/" + file.length, header(head, "Content-Range"));
            assertEquals("4000", header(head, "Content-Length"));
            assertEquals("bytes", header(head, "Accept-Ranges"));
            assertArrayEquals(java.util.Arrays.copyOfRange(file, 1000, 5000), in.readAllBytes(),
                    "the range's bytes, partial frames at both ends");
        }
        AccessRecord record = records.poll(5, TimeUnit.SECONDS);
        assertNotNull(record);
        assertEquals("end of range", record.endReason());
        assertEquals(200, record.status());
        assertEquals(4000, record.bytesSent());

        try (Socket socket = get("tone.mp3", "Range: bytes=-417")) {
            InputStream in = socket.getInputStream();
            String head = head(in);
            assertEquals("bytes " + (file.length - FRAME) + "-" + (file.length - 1) + "/" + file.length,
                    header(head, "Content-Range"), head);
            byte[] last = in.readAllBytes();
            assertEquals(FRAME, last.length);
            assertEquals(FRAMES - 1, ByteBuffer.wrap(last).getInt(4), "the last frame");
        }
        try (Socket socket = get("tone.mp3")) {
            String head = head(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.0 200 OK"), head);
            assertEquals(Integer.toString(file.length), header(head, "Content-Length"));
            assertEquals("bytes", header(head, "Accept-Ranges"));
        }
        try (Socket socket = get("tone.mp3", "Icy-MetaData: 1", "Range: bytes=10-20")) {
            String head = head(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.0 200 OK"), "no ranges with ICY blocks in the body: " + head);
            assertEquals("none", header(head, "Accept-Ranges"));
            assertNull(header(head, "Content-Length"));
        }
    }

    @Test
    void aRangePastTheEndGets416WithTheLength() throws Exception {
        long length = Files.size(media.resolve("tone.mp3"));
        try (Socket socket = get("tone.mp3", "Range: bytes=" + length + "-")) {
            InputStream in = socket.getInputStream();
            String head = head(in);
            assertTrue(head.startsWith("HTTP/1.0 416 Range Not Satisfiable"), head);
            assertEquals("bytes */" + length, header(head, "Content-Range"));
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body.startsWith("{\"status\":416,\"error\":\"byte " + length + " is past the end"), body);
        }
        assertTrue(service.sessionInfos().isEmpty());
    }

    @Test
    void theInfoTagFrameGoesFirstSoPlayersCanPlayGapless() throws Exception {
        byte[] file = Files.readAllBytes(media.resolve("tagged.mp3"));
        try (Socket socket = get("tagged.mp3")) {
            InputStream in = socket.getInputStream();
            String head = head(in);
            assertEquals(Integer.toString(file.length), header(head, "Content-Length"), head);
            assertArrayEquals(file, in.readAllBytes(), "the tag frame, then every audio frame");
        }
        try (Socket socket = get("tagged.mp3", "Range: bytes=" + (FRAME - 10) + "-" + (FRAME + 9))) {
            assertTrue(head(socket.getInputStream()).startsWith("HTTP/1.0 206"));
            assertArrayEquals(java.util.Arrays.copyOfRange(file, FRAME - 10, FRAME + 10),
                    socket.getInputStream().readAllBytes(), "a range across the tag frame's end");
        }
    }
}
