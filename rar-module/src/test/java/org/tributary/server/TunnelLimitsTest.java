package org.tributary.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.rtsp.DecoderLimits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tunnel map bound, one POST half per GET half, and unpaired GET halves expiring, on a loopback server. */
class TunnelLimitsTest {

    private static final ConnectionLimits LIMITS = new ConnectionLimits(5, 2, 100, 1024 * 1024, 5, 2);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private RtspServer server;

    @BeforeEach
    void start() throws IOException {
        HttpTunnels tunnels = new HttpTunnels();
        server = new RtspServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100, tunnels::handle,
                new ControlExecutor(4, 1000, (name, loop) -> threads.execute(loop)), DecoderLimits.DEFAULTS, "Test", new ConnectionGuards(LIMITS, new OutputBudget(1 << 20)));
        server.bind();
        threads.execute(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private Socket open(String request) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static String get(String cookie) {
        return "GET /a HTTP/1.0\r\nx-sessioncookie: " + cookie + "\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n";
    }

    private static String post(String cookie) {
        return "POST /a HTTP/1.0\r\nx-sessioncookie: " + cookie + "\r\nContent-Length: 32767\r\n\r\n";
    }

    private static String head(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            bytes.write(b);
            if (bytes.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void theGetPastTheBoundGets503() throws Exception {
        try (Socket a = open(get("a")); Socket b = open(get("b"))) {
            assertTrue(head(a).startsWith("HTTP/1.0 200"));
            assertTrue(head(b).startsWith("HTTP/1.0 200"));
            try (Socket c = open(get("c"))) {
                assertTrue(head(c).startsWith("HTTP/1.0 503"));
                assertEquals(-1, c.getInputStream().read(), "closed after the 503");
            }
            assertEquals(2, server.openTunnels());
        }
    }

    @Test
    void aSecondPostWhileTheFirstIsOpenGets409() throws Exception {
        try (Socket get = open(get("x"))) {
            assertTrue(head(get).startsWith("HTTP/1.0 200"));
            // Like real clients, the POST half comes once the GET half is answered.
            Socket first = open(post("x"));
            // The two halves are answered on different threads: wait until the first POST has joined.
            long joinedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.connections().stream().noneMatch(c -> c.responseTarget() != c)) {
                assertTrue(System.nanoTime() < joinedBy, "the first POST half joins its GET");
                Thread.sleep(10);
            }
            try (Socket second = open(post("x"))) {
                assertTrue(head(second).startsWith("HTTP/1.0 409"));
                assertEquals(-1, second.getInputStream().read());
            }
            first.close();
            // Once the first POST half is gone a new one may join (QuickTime's way).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean joined = false;
            while (!joined && System.nanoTime() < deadline) {
                try (Socket next = open(post("x"))) {
                    next.setSoTimeout(300);
                    try {
                        joined = next.getInputStream().read() != 'H'; // no 409: still open, silent
                    } catch (java.net.SocketTimeoutException silentMeansJoined) {
                        joined = true;
                    }
                }
            }
            assertTrue(joined, "a new POST half joins once the old one closed");
        }
    }

    @Test
    void anUnpairedGetIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket get = open(get("lonely"))) {
            assertTrue(head(get).startsWith("HTTP/1.0 200"));
            assertEquals(-1, get.getInputStream().read(), "closed after the idle timeout");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.openTunnels() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.openTunnels(), "its cookie is forgotten");
    }
}
