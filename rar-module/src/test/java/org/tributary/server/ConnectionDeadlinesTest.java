package org.tributary.server;

import org.junit.jupiter.api.AfterEach;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request, idle and stall timeouts and the per-address limit of a real server on a loopback port. */
class ConnectionDeadlinesTest {

    private static final ConnectionLimits SHORT = new ConnectionLimits(1, 2, 3, 256 * 1024, 1, 10);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Set<Long> withSession = ConcurrentHashMap.newKeySet();
    private final AtomicLong mostQueued = new AtomicLong();
    private final ConnectionGuards guards = new ConnectionGuards(SHORT, new OutputBudget(512 * 1024));
    private RtspServer server;

    /** OPTIONS answers 200 (with "X-Session: yes" the connection then carries a session); FLOOD queues media. */
    private final RequestHandler handler = new RequestHandler() {
        @Override
        public Reply handle(RtspRequest request, RtspConnection connection) {
            if (request.methodToken().equals("FLOOD")) {
                ByteBuffer packet = ByteBuffer.allocate(16 * 1024);
                for (int i = 0; i < 2000; i++) {
                    connection.sendMedia(packet.clear());
                    mostQueued.accumulateAndGet(guards.output().queuedBytes(), Math::max);
                }
                return Reply.NONE;
            }
            if ("yes".equals(request.header("X-Session"))) {
                withSession.add(connection.id());
            }
            return Reply.of(new RtspResponse(RtspStatus.OK).header("CSeq", request.cseq()));
        }

        @Override
        public boolean carriesSession(RtspConnection connection) {
            return withSession.contains(connection.id());
        }
    };

    private void start() throws IOException {
        server = new RtspServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100, handler,
                new ControlExecutor(4, 1000, (name, loop) -> threads.execute(loop)),
                DecoderLimits.DEFAULTS, "Test", guards);
        server.bind();
        threads.execute(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Everything the server sends until it closes the connection. */
    private static String readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            all.write(chunk, 0, n);
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    private static String options(Socket socket, String extra) throws IOException {
        socket.getOutputStream().write(("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n" + extra + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        byte[] buffer = new byte[1024];
        int n = socket.getInputStream().read(buffer);
        return new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void aConnectionThatSendsNothingGets408AndIsClosed() throws Exception {
        start();
        try (Socket socket = connect()) {
            assertTrue(readUntilClosed(socket).startsWith("RTSP/1.0 408 Request Timeout\r\n"));
        }
    }

    @Test
    void aRequestThatNeverEndsGets408AndIsClosed() throws Exception {
        start();
        try (Socket socket = connect()) {
            socket.getOutputStream().write("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(readUntilClosed(socket).startsWith("RTSP/1.0 408 Request Timeout\r\n"));
        }
    }

    @Test
    void anIdleConnectionIsClosedButOneCarryingASessionStays() throws Exception {
        start();
        try (Socket idle = connect(); Socket playing = connect()) {
            assertTrue(options(idle, "").startsWith("RTSP/1.0 200"));
            assertTrue(options(playing, "X-Session: yes\r\n").startsWith("RTSP/1.0 200"));
            assertEquals("", readUntilClosed(idle), "the idle connection is closed without an answer");
            // The server has had its idle pass over both by now: the one with a session still answers.
            assertTrue(options(playing, "").startsWith("RTSP/1.0 200"));
        }
    }

    @Test
    void connectionsPastThePerAddressLimitGet503() throws Exception {
        start();
        try (Socket a = connect(); Socket b = connect(); Socket c = connect(); Socket refused = connect()) {
            assertTrue(readUntilClosed(refused).startsWith("RTSP/1.0 503 Service Unavailable\r\n"));
            assertTrue(options(a, "").startsWith("RTSP/1.0 200"));
        }
        // Closed ones free their places.
        await(() -> server.openConnections() == 0, "the server notices the closes");
        try (Socket again = connect()) {
            assertTrue(options(again, "").startsWith("RTSP/1.0 200"));
        }
    }

    @Test
    void aReaderThatTakesNothingHasPacketsDroppedAndIsClosed() throws Exception {
        start();
        try (Socket stuck = connect()) {
            stuck.setReceiveBufferSize(4096);
            stuck.getOutputStream().write("FLOOD * RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            await(() -> server.stalledConnectionsClosed() == 1, "the stuck reader is closed");
            assertTrue(mostQueued.get() <= SHORT.maxQueuedBytes(), "queued at most " + mostQueued.get());
            assertTrue(mostQueued.get() > 0);
            assertEquals(0, guards.output().queuedBytes(), "a closed connection gives its queue back");
        }
    }

    @Test
    void theTotalBudgetCapsTheQueuesOfAllConnections() throws Exception {
        start();
        Socket[] stuck = new Socket[3];
        try {
            for (int i = 0; i < stuck.length; i++) {
                stuck[i] = connect();
                stuck[i].setReceiveBufferSize(4096);
                stuck[i].getOutputStream().write("FLOOD * RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            // Together they fill the budget; those left with a queue are closed as stalled, at least two
            // (each may queue a quarter MB), and one left with nothing queued goes at the idle timeout.
            await(() -> server.stalledConnectionsClosed() >= 2, "the stuck readers are closed as stalled");
            await(() -> server.openConnections() == 0, "every stuck reader is closed");
            assertEquals(0, guards.output().queuedBytes());
            assertTrue(mostQueued.get() <= guards.output().capBytes(), "queued at most " + mostQueued.get());
        } finally {
            for (Socket s : stuck) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    @Test
    void noTimeoutWhileTheClientIsQuick() throws Exception {
        start();
        try (Socket socket = connect()) {
            socket.setSoTimeout(200);
            for (int i = 0; i < 3; i++) {
                assertTrue(options(socket, "").startsWith("RTSP/1.0 200"));
            }
            try {
                assertEquals(-1, socket.getInputStream().read(), "nothing unasked for");
            } catch (SocketTimeoutException expected) {
                // still open
            }
        }
    }
}
