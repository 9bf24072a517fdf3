package org.tributary.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.net.TlsContexts;
import org.tributary.net.TlsLink;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@link RtspServer} whose connections run over {@link TlsLink}, on a loopback socket: a TLS client's requests
 * are answered in order, a large answer arrives whole through the TLS records, and a client speaking plain
 * RTSP to the TLS port is closed with a log line instead of holding a thread.
 */
class RtspsConnectionTest {

    private static final char[] PASSWORD = "tributary-test".toCharArray();
    private static final ConnectionLimits LIMITS = new ConnectionLimits(15, 60, 100, 4 * 1024 * 1024, 30, 10);
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    private final java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);
    private ExecutorService threads;
    private ControlExecutor control;
    private RtspServer server;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void contexts() throws Exception {
        Path store = Path.of("target", "test-tls", "rtsps.p12");
        Files.createDirectories(store.getParent());
        try (InputStream in = RtspsConnectionTest.class.getResourceAsStream("/tls/test-server.p12")) {
            Files.write(store, in.readAllBytes());
        }
        serverContext = TlsContexts.fromKeyStore(store, PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(KeyStore.getInstance(store.toFile(), PASSWORD));
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);
    }

    /** 200 with the CSeq; "X-Bytes: n" sends n bytes (0, 1, 2, ... mod 251) after the answer. */
    private Reply handle(RtspRequest request, RtspConnection connection) {
        Reply reply = Reply.of(new RtspResponse(RtspStatus.OK).header("CSeq", request.cseq()));
        String size = request.header("X-Bytes");
        if (size == null) {
            return reply;
        }
        return reply.then(() -> connection.send(pattern(Integer.parseInt(size))));
    }

    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    @BeforeEach
    void start() throws IOException {
        Logger.getLogger(RtspServer.class.getName()).addHandler(logCapture);
        threads = Executors.newCachedThreadPool();
        control = new ControlExecutor(2, 100, (name, loop) -> threads.execute(loop));
        server = new RtspServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10, this::handle, control,
                new DecoderLimits(8192, 4096, 64, 4096, 1024), "Test",
                new ConnectionGuards(LIMITS, new OutputBudget(64 << 20), clock::get),
                channel -> TlsLink.server(channel, serverContext), "RTSPS");
        server.bind();
        threads.execute(server);
    }

    @AfterEach
    void stop() throws Exception {
        Logger.getLogger(RtspServer.class.getName()).removeHandler(logCapture);
        server.close();
        control.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private SSLSocket tlsClient() throws IOException {
        SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void pipelinedRequestsOverTlsAreAnsweredInOrder() throws IOException {
        try (SSLSocket socket = tlsClient()) {
            OutputStream out = socket.getOutputStream();
            out.write(("OPTIONS rtsps://127.0.0.1/ RTSP/1.0\r\nCSeq: 1\r\n\r\n"
                    + "OPTIONS rtsps://127.0.0.1/ RTSP/1.0\r\nCSeq: 2\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String first = readHead(socket.getInputStream());
            String second = readHead(socket.getInputStream());
            assertTrue(first.startsWith("RTSP/1.0 200 OK") && first.contains("CSeq: 1"), first);
            assertTrue(second.contains("CSeq: 2"), second);
            assertTrue(List.of("TLSv1.3", "TLSv1.2").contains(socket.getSession().getProtocol()));
        }
    }

    @Test
    void aLargeAnswerArrivesWholeThroughTheRecords() throws IOException {
        int size = 3 * 1024 * 1024; // more than the socket takes at once: queued, then flushed record by record
        try (SSLSocket socket = tlsClient()) {
            socket.getOutputStream().write(("GET_PARAMETER rtsps://127.0.0.1/ RTSP/1.0\r\nCSeq: 7\r\nX-Bytes: " + size
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            assertTrue(readHead(in).contains("CSeq: 7"));
            byte[] body = in.readNBytes(size);
            assertEquals(size, body.length);
            for (int i = 0; i < size; i++) {
                if (body[i] != (byte) (i % 251)) {
                    throw new AssertionError("byte " + i + " is " + body[i]);
                }
            }
        }
    }

    @Test
    void aRequestTooLargeOverTlsIsAnsweredOnceAndClosed() throws IOException {
        try (SSLSocket socket = tlsClient()) {
            // More than the decoder's 8 KiB head (and than its first 4 KiB read buffer), in one TLS record.
            socket.getOutputStream().write(("OPTIONS rtsps://127.0.0.1/ RTSP/1.0\r\nCSeq: 1\r\nX-Long: "
                    + "a".repeat(10 * 1024)).getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("RTSP/1.0 4"), head);
            assertEquals(-1, in.read(), "one answer, then the close");
        }
    }

    @Test
    void aClientThatNeverStartsTheHandshakeIsClosedAtTheRequestTimeout() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.openConnections() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            clock.addAndGet(TimeUnit.SECONDS.toNanos(LIMITS.requestTimeoutSeconds() + 1));
            assertEquals(-1, socket.getInputStream().read(), "closed without a clear-text 408");
        }
        assertTrue(logged.stream().anyMatch(m -> m.contains("TLS handshake not finished")), logged.toString());
    }

    @Test
    void plainRtspOnTheTlsPortIsClosedAndLogged() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("OPTIONS rtsp://127.0.0.1/ RTSP/1.0\r\nCSeq: 1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] got = in.readAllBytes(); // ends when the server closes; a hung connection times out instead
            assertTrue(got.length < 16, "no RTSP answer in clear text, at most a TLS alert: " + got.length + " bytes");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((logged.stream().noneMatch(m -> m.contains("TLS failed")) || server.openConnections() > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(logged.stream().anyMatch(m -> m.contains("TLS failed") && m.contains("closing")), logged.toString());
        assertEquals(0, server.openConnections());
    }
}
