package org.tributary.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection's requests on the control pool, over a real loopback socket: any Throwable of a handler
 * ends the connection with a 500 and leaves the pool serving others; a held-back answer keeps the
 * connection's order without holding the pool's one thread.
 */
class ControlPathTest {

    private static CountDownLatch blocked;
    private static CountDownLatch release;
    private ExecutorService threads;
    private ControlExecutor control;
    private RtspServer server;

    /** OPTIONS answers 200; "X-Throw: oom|stack|linkage" throws that Error; "X-Hold: ms" holds a 401 back. */
    private static Reply handle(org.tributary.rtsp.RtspRequest request) {
        if (request.header("X-Block") != null) {
            blocked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String toThrow = request.header("X-Throw");
        if ("oom".equals(toThrow)) {
            throw new OutOfMemoryError("test");
        }
        if ("stack".equals(toThrow)) {
            throw new StackOverflowError();
        }
        if ("linkage".equals(toThrow)) {
            throw new NoClassDefFoundError("test/Missing");
        }
        RtspResponse response = new RtspResponse(request.header("X-Hold") == null ? RtspStatus.OK : RtspStatus.UNAUTHORIZED);
        if (request.cseq() != null) {
            response.header("CSeq", request.cseq());
        }
        String hold = request.header("X-Hold");
        return hold == null ? Reply.of(response) : Reply.of(response).heldBack(Long.parseLong(hold));
    }

    @BeforeEach
    void start() throws IOException {
        start(10);
    }

    /** One control thread and {@code queue} places for waiting requests. */
    private void start(int queue) throws IOException {
        blocked = new CountDownLatch(1);
        release = new CountDownLatch(1);
        threads = Executors.newCachedThreadPool();
        control = new ControlExecutor(1, queue, (name, loop) -> threads.execute(loop));
        server = new RtspServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20,
                (request, connection) -> handle(request), control, DecoderLimits.DEFAULTS, "Test");
        server.bind();
        threads.execute(server);
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
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

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads one response head (up to the empty line). */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String s = head.toString(StandardCharsets.US_ASCII);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void everyKindOfErrorEndsTheConnectionWith500AndThePoolGoesOn() throws IOException {
        for (String error : new String[] {"oom", "stack", "linkage"}) {
            try (Socket socket = connect()) {
                send(socket, "OPTIONS rtsp://h/a RTSP/1.0\r\nCSeq: 7\r\nX-Throw: " + error + "\r\n\r\n"
                        + "OPTIONS rtsp://h/a RTSP/1.0\r\nCSeq: 8\r\n\r\n");
                String head = readHead(socket.getInputStream());
                assertTrue(head.startsWith("RTSP/1.0 500 "), error + ": " + head);
                assertTrue(head.contains("CSeq: 7\r\n"), head);
                assertEquals(-1, socket.getInputStream().read(), error + ": the connection is closed, nothing more answered");
            }
        }
        try (Socket socket = connect()) {
            send(socket, "OPTIONS rtsp://h/a RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            assertTrue(readHead(socket.getInputStream()).startsWith("RTSP/1.0 200 "), "the one control thread still answers");
        }
    }

    @Test
    void anHttpRequestGetsAnHttpStatusLine() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /a.mp3 HTTP/1.0\r\nX-Throw: oom\r\n\r\n");
            String head = readHead(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.0 500 "), head);
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void aHeldBackAnswerKeepsTheOrderAndHoldsNoThread() throws IOException {
        try (Socket slowed = connect(); Socket other = connect()) {
            long start = System.nanoTime();
            send(slowed, "DESCRIBE rtsp://h/a RTSP/1.0\r\nCSeq: 1\r\nX-Hold: 1500\r\n\r\n"
                    + "OPTIONS rtsp://h/a RTSP/1.0\r\nCSeq: 2\r\n\r\n");
            // The pool has one thread: if the held-back 401 slept on it, this would wait the 1.5 s too.
            send(other, "OPTIONS rtsp://h/a RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            assertTrue(readHead(other.getInputStream()).startsWith("RTSP/1.0 200 "));
            long otherMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(slowed.getInputStream().available() == 0, "the 401 is not sent yet");
            String first = readHead(slowed.getInputStream());
            long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            String second = readHead(slowed.getInputStream());
            assertTrue(first.startsWith("RTSP/1.0 401 ") && first.contains("CSeq: 1\r\n"), first);
            assertTrue(second.startsWith("RTSP/1.0 200 ") && second.contains("CSeq: 2\r\n"), "in order: " + second);
            assertTrue(firstMillis >= 1500, "held back: " + firstMillis + " ms");
            assertTrue(otherMillis < firstMillis, "the other client was answered meanwhile (" + otherMillis + " ms)");
        }
    }

    @Test
    void aFullControlQueueAnswers503AndCloses() throws Exception {
        stop();
        start(1);
        try (Socket busy = connect(); Socket queued = connect(); Socket refused = connect()) {
            send(busy, "OPTIONS rtsp://h/a RTSP/1.0\r\nCSeq: 1\r\nX-Block: yes\r\n\r\n");
            assertTrue(blocked.await(10, TimeUnit.SECONDS), "the one control thread is busy");
            send(queued, "OPTIONS rtsp://h/a RTSP/1.0\r\nCSeq: 1\r\n\r\n"); // takes the one queue place
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (control.queued() < 1) {
                assertTrue(System.nanoTime() < deadline, "the second request is queued");
                Thread.sleep(10);
            }
            send(refused, "DESCRIBE rtsp://h/a RTSP/1.0\r\nCSeq: 9\r\n\r\n");
            String head = readHead(refused.getInputStream());
            assertTrue(head.startsWith("RTSP/1.0 503 ") && head.contains("CSeq: 9\r\n"), head);
            assertEquals(-1, refused.getInputStream().read(), "closed");
            release.countDown();
            assertTrue(readHead(busy.getInputStream()).startsWith("RTSP/1.0 200 "));
            assertTrue(readHead(queued.getInputStream()).startsWith("RTSP/1.0 200 "), "the queued one is answered");
        }
    }
}
