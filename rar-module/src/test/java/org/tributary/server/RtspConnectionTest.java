package org.tributary.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One connection fed bytes from a loopback socket, its answers read back, its timeouts driven by a clock
 * the test moves: requests are answered in order, after-sent actions follow their response, interleaved
 * frames reach their channel, and what cannot be read is answered and closed.
 */
class RtspConnectionTest {

    private static final ConnectionLimits LIMITS = new ConnectionLimits(15, 60, 100, 1024 * 1024, 30, 10);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<String> answered = new CopyOnWriteArrayList<>();
    private final BlockingQueue<byte[]> channelOne = new LinkedBlockingQueue<>();
    private ExecutorService threads;
    private ControlExecutor control;
    private RtspServer server;

    /** OPTIONS answers 200 with its CSeq; "X-Then: text" sends text after the answer; "X-Listen" listens on channel 1. */
    private Reply handle(RtspRequest request, RtspConnection connection) {
        answered.add(request.cseq());
        if (request.header("X-Listen") != null) {
            connection.onChannel(1, channelOne::add);
        }
        String status = request.header("X-Status");
        Reply reply = Reply.of((status == null ? new RtspResponse(RtspStatus.OK)
                : new RtspResponse(Integer.parseInt(status), "Test")).header("CSeq", request.cseq()));
        String then = request.header("X-Then");
        return then == null ? reply : reply.then(() -> connection.send(then.getBytes(StandardCharsets.US_ASCII)));
    }

    @BeforeEach
    void start() throws IOException {
        threads = Executors.newCachedThreadPool();
        control = new ControlExecutor(2, 100, (name, loop) -> threads.execute(loop));
        server = new RtspServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10, this::handle, control,
                new DecoderLimits(8192, 4096, 64, 4096, 1024), "Test",
                new ConnectionGuards(LIMITS, new OutputBudget(1 << 20), clock::get));
        server.bind();
        threads.execute(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        control.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads until {@code text} has arrived; what came is returned. */
    private static String readUntil(Socket socket, String text) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (!all.toString(StandardCharsets.ISO_8859_1).contains(text)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            all.write(b);
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    private static String readUntilClosed(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /**
     * Moves the clock on by the timeout, and again by the whole timeout every half second while the test waits.
     * The connection may record its last activity (the end of a write, the first byte read) on its own thread
     * after the first move; the later moves pass the timeout from wherever it recorded it.
     */
    private String advanceUntilClosed(Socket socket, long seconds) throws IOException {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
        socket.setSoTimeout(500);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        byte[] chunk = new byte[1024];
        while (System.nanoTime() < deadline) {
            try {
                int n = socket.getInputStream().read(chunk);
                if (n < 0) {
                    return all.toString(StandardCharsets.ISO_8859_1);
                }
                all.write(chunk, 0, n);
            } catch (SocketTimeoutException e) {
                clock.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
            }
        }
        throw new AssertionError("not closed; received: " + all.toString(StandardCharsets.ISO_8859_1));
    }

    private static String request(int cseq, String headers) {
        return "OPTIONS * RTSP/1.0\r\nCSeq: " + cseq + "\r\n" + headers + "\r\n";
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrder() throws Exception {
        try (Socket socket = connect()) {
            write(socket, request(1, "") + request(2, "") + request(3, ""));
            String answers = readUntil(socket, "CSeq: 3\r\n");
            int one = answers.indexOf("CSeq: 1\r\n");
            int two = answers.indexOf("CSeq: 2\r\n");
            int three = answers.indexOf("CSeq: 3\r\n");
            assertTrue(one >= 0 && one < two && two < three, answers);
            assertEquals(3, answers.split("RTSP/1.0 200 OK\r\n", -1).length - 1, answers);
            assertEquals(List.of("1", "2", "3"), answered);
        }
    }

    @Test
    void whatHappensAfterSentFollowsTheResponse() throws Exception {
        try (Socket socket = connect()) {
            write(socket, request(7, "X-Then: AFTER\r\n"));
            String received = readUntil(socket, "AFTER");
            assertTrue(received.startsWith("RTSP/1.0 200 OK\r\n"), received);
            assertTrue(received.endsWith("\r\n\r\nAFTER"), "the action's bytes come after the whole response: " + received);
        }
    }

    @Test
    void interleavedFramesReachTheirChannelBetweenRequests() throws Exception {
        try (Socket socket = connect()) {
            write(socket, request(1, "X-Listen: yes\r\n"));
            readUntil(socket, "\r\n\r\n");
            byte[] frame = {'$', 1, 0, 3, 'a', 'b', 'c'};
            byte[] otherChannel = {'$', 5, 0, 1, 'z'};
            socket.getOutputStream().write(frame);
            socket.getOutputStream().write(otherChannel);
            write(socket, request(2, ""));
            assertTrue(readUntil(socket, "CSeq: 2\r\n").contains("RTSP/1.0 200 OK"));
            byte[] payload = channelOne.poll(5, TimeUnit.SECONDS);
            assertNotNull(payload, "channel 1 received its frame");
            assertArrayEquals(new byte[] {'a', 'b', 'c'}, payload);
            assertEquals(0, channelOne.size(), "channel 5 has no receiver: its frame is dropped, not delivered here");
            assertEquals(List.of("1", "2"), answered, "frames are not requests");
        }
    }

    @Test
    void errorAnswersAreCountedByStatusAndSetupsAreTimedFromTheirArrival() throws Exception {
        try (Socket socket = connect()) {
            write(socket, request(1, "X-Status: 454\r\n") + request(2, "X-Status: 454\r\n") + request(3, "")
                    + "SETUP rtsp://h/a.mp4/trackID=1 RTSP/1.0\r\nCSeq: 4\r\nX-Status: 200\r\n\r\n");
            readUntil(socket, "CSeq: 4\r\n");
        }
        assertEquals(java.util.Map.of(454, 2L), server.metrics().refusals().snapshot());
        org.tributary.api.LatencyDistribution setups = server.metrics().setups().snapshot();
        assertEquals(1, setups.count(), "only the SETUP is timed");
        assertEquals(1L, setups.cumulativeCounts().get(0), "the test clock stood still: no time passed");
    }

    @Test
    void aRequestNotWholeWhenTheClockPassesTheRequestTimeoutGets408AndIsClosed() throws Exception {
        try (Socket socket = connect()) {
            write(socket, "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n");
            String received = advanceUntilClosed(socket, LIMITS.requestTimeoutSeconds() + 1);
            assertTrue(received.startsWith("RTSP/1.0 408 Request Timeout\r\n"), received);
            assertTrue(received.contains("Connection: close\r\n"), received);
            assertEquals(List.of(), answered);
            assertEquals(java.util.Map.of(408, 1L), server.metrics().refusals().snapshot());
        }
    }

    @Test
    void anIdleConnectionIsClosedSilentlyOnceTheClockPassesTheIdleTimeout() throws Exception {
        try (Socket socket = connect()) {
            write(socket, request(1, ""));
            readUntil(socket, "\r\n\r\n");
            assertEquals("", advanceUntilClosed(socket, LIMITS.idleTimeoutSeconds() + 1));
        }
    }

    @Test
    void aBodyOverTheLimitGets413AndTheConnectionCloses() throws Exception {
        try (Socket socket = connect()) {
            write(socket, "SET_PARAMETER * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 1025\r\n\r\n");
            String received = readUntilClosed(socket);
            assertTrue(received.startsWith("RTSP/1.0 413 Request Entity Too Large\r\n"), received);
            assertTrue(received.contains("Connection: close\r\n"), received);
            assertEquals(List.of(), answered);
            assertEquals(java.util.Map.of(413, 1L), server.metrics().refusals().snapshot());
        }
    }

    @Test
    void aHeaderSectionOverTheLimitGets400AndTheConnectionCloses() throws Exception {
        try (Socket socket = connect()) {
            write(socket, "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n" + "X-Pad: 0123456789012345678901234567890123456789\r\n".repeat(100));
            String received = readUntilClosed(socket);
            assertTrue(received.startsWith("RTSP/1.0 400 Bad Request\r\n"), received);
            assertEquals(List.of(), answered);
        }
    }

    @Test
    void anHttpClientIsRefusedWithAnHttpStatusLine() throws Exception {
        try (Socket socket = connect()) {
            write(socket, "GET /a.mp3 HTTP/1.0\r\nContent-Length: 5000\r\n\r\n");
            String received = readUntilClosed(socket);
            assertTrue(received.startsWith("HTTP/1.0 413 Request Entity Too Large\r\n"), received);
        }
    }
}
