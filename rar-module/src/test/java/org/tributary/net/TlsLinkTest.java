package org.tributary.net;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server {@link TlsLink} and a client one over an in-memory pipe: real TLS, no sockets, no threads. */
class TlsLinkTest {

    private static final char[] PASSWORD = "tributary-test".toCharArray();
    private static SSLContext server;
    private static SSLContext client;

    @BeforeAll
    static void contexts() throws Exception {
        Path store = Path.of("target", "test-tls", "server.p12");
        Files.createDirectories(store.getParent());
        try (InputStream in = TlsLinkTest.class.getResourceAsStream("/tls/test-server.p12")) {
            Files.write(store, in.readAllBytes());
        }
        server = TlsContexts.fromKeyStore(store, PASSWORD);
        KeyStore trusted = KeyStore.getInstance(store.toFile(), PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
    }

    private static TlsLink clientLink(MemoryPipe.End end, String... protocols) throws SSLException {
        SSLEngine engine = client.createSSLEngine("localhost", 8322);
        engine.setUseClientMode(true);
        if (protocols.length > 0) {
            engine.setEnabledProtocols(protocols);
        }
        engine.beginHandshake();
        return new TlsLink(end, engine);
    }

    /** Moves bytes both ways until {@code want} bytes reached each side's sink, or fails after many rounds. */
    private static void pump(TlsLink serverLink, ByteArrayOutputStream atServer, TlsLink clientLink,
                             ByteArrayOutputStream atClient, int wantAtServer, int wantAtClient) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(100); // smaller than a record: reads are partial
        for (int round = 0; round < 200_000; round++) {
            clientLink.flush();
            serverLink.flush();
            drain(serverLink, buffer, atServer);
            drain(clientLink, buffer, atClient);
            if (atServer.size() >= wantAtServer && atClient.size() >= wantAtClient
                    && !serverLink.hasPendingOutput() && !clientLink.hasPendingOutput()) {
                return;
            }
        }
        throw new AssertionError("no progress: " + atServer.size() + "/" + wantAtServer + " at the server, "
                + atClient.size() + "/" + wantAtClient + " at the client");
    }

    private static void drain(TlsLink link, ByteBuffer buffer, ByteArrayOutputStream sink) throws IOException {
        int n;
        do {
            buffer.clear();
            n = link.read(buffer);
            sink.write(buffer.array(), 0, Math.max(n, 0));
        } while (n > 0 || link.hasBufferedInput());
    }

    /** Writes {@code bytes} on {@code link} while both sides read (the handshake needs both). */
    private static void writeAll(TlsLink link, ByteArrayOutputStream linkSink, byte[] bytes, TlsLink other,
                                 ByteArrayOutputStream otherSink) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(bytes);
        ByteBuffer buffer = ByteBuffer.allocate(100);
        for (int round = 0; src.hasRemaining() && round < 200_000; round++) {
            link.write(src);
            drain(other, buffer, otherSink); // the peer reads as we write, so the pipe never fills
            drain(link, buffer, linkSink);
            link.flush();
        }
        assertFalse(src.hasRemaining(), "the link took every byte");
    }

    @Test
    void handshakeThenRequestAndAnswerArriveWhole() throws IOException {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsLink serverLink = TlsLink.server(pipe.a, server);
        TlsLink clientLink = clientLink(pipe.b);
        ByteArrayOutputStream atServer = new ByteArrayOutputStream();
        ByteArrayOutputStream atClient = new ByteArrayOutputStream();

        byte[] request = "OPTIONS rtsps://127.0.0.1:8322/ RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        writeAll(clientLink, atClient, request, serverLink, atServer);
        pump(serverLink, atServer, clientLink, atClient, request.length, 0);
        assertArrayEquals(request, atServer.toByteArray());

        byte[] answer = "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        writeAll(serverLink, atServer, answer, clientLink, atClient);
        pump(serverLink, atServer, clientLink, atClient, request.length, answer.length);
        assertArrayEquals(answer, atClient.toByteArray());
        assertEquals("TLSv1.3", serverLink.protocol());
        assertTrue(serverLink.secure(), "the access decision calls this connection rtsps");
        assertFalse(new PlainLink(pipe.a).secure());
    }

    @Test
    void recordsSplitIntoOneByteReadsAndPartialWritesStillDecode() throws IOException {
        MemoryPipe pipe = new MemoryPipe(7); // every read and write moves at most 7 bytes
        TlsLink serverLink = TlsLink.server(pipe.a, server);
        TlsLink clientLink = clientLink(pipe.b, "TLSv1.2");
        ByteArrayOutputStream atServer = new ByteArrayOutputStream();
        ByteArrayOutputStream atClient = new ByteArrayOutputStream();

        byte[] media = new byte[100_000]; // several 16 KiB records, each read in pieces
        new Random(19).nextBytes(media);
        writeAll(clientLink, atClient, "PLAY".getBytes(StandardCharsets.US_ASCII), serverLink, atServer);
        pump(serverLink, atServer, clientLink, atClient, 4, 0);
        writeAll(serverLink, atServer, media, clientLink, atClient);
        pump(serverLink, atServer, clientLink, atClient, 4, media.length);

        assertEquals("TLSv1.2", serverLink.protocol());
        assertArrayEquals(media, atClient.toByteArray());
    }

    @Test
    void closeNotifyEndsThePeersStream() throws IOException {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsLink serverLink = TlsLink.server(pipe.a, server);
        TlsLink clientLink = clientLink(pipe.b);
        ByteArrayOutputStream atServer = new ByteArrayOutputStream();
        ByteArrayOutputStream atClient = new ByteArrayOutputStream();
        writeAll(clientLink, atClient, "TEARDOWN".getBytes(StandardCharsets.US_ASCII), serverLink, atServer);
        pump(serverLink, atServer, clientLink, atClient, 8, 0);

        clientLink.close();
        assertFalse(pipe.b.isOpen());
        ByteBuffer buffer = ByteBuffer.allocate(100);
        assertEquals(-1, serverLink.read(buffer), "close_notify reads as the end of the stream");
        assertEquals(-1, serverLink.read(buffer));
        assertEquals("TEARDOWN", atServer.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void plainRtspToTheTlsSideFailsTheReadInsteadOfWaiting() {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsLink serverLink = TlsLink.server(pipe.a, server);
        pipe.b.writeRaw("OPTIONS rtsp://127.0.0.1:8322/ RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThrows(SSLException.class, () -> serverLink.read(ByteBuffer.allocate(100)));
    }

    @Test
    void aPeerGoneWithoutCloseNotifyEndsTheStream() throws IOException {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsLink serverLink = TlsLink.server(pipe.a, server);
        pipe.a.peerClosed = true;
        assertEquals(-1, serverLink.read(ByteBuffer.allocate(100)));
    }

    @Test
    void serverEnginesEnableOnlyTls12And13() {
        assertEquals(Arrays.asList("TLSv1.3", "TLSv1.2"),
                Arrays.asList(TlsContexts.serverEngine(server).getEnabledProtocols()));
    }

    @Test
    void aMissingKeyStoreIsNamedInTheError() {
        IOException e = assertThrows(IOException.class,
                () -> TlsContexts.fromKeyStore(Path.of("target", "no-such.p12"), PASSWORD));
        assertTrue(e.getMessage().contains("no-such.p12"), e.getMessage());
    }
}
