package org.tributary.server;

import org.junit.jupiter.api.Test;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspRequest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpTunnelsTest {

    private static final ConnectionLimits TWO_TUNNELS = new ConnectionLimits(15, 60, 100, 1 << 20, 30, 2);

    private static RtspRequest decode(String text) throws Exception {
        return (RtspRequest) new RtspDecoder(DecoderLimits.DEFAULTS)
                .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void tunnelHalvesAreToldApartFromPlainGets() throws Exception {
        assertTrue(HttpTunnels.isTunnelHalf(decode("GET /sample.mp4 HTTP/1.0\r\nx-sessioncookie: abc\r\n"
                + "Accept: application/x-rtsp-tunnelled\r\n\r\n")));
        assertTrue(HttpTunnels.isTunnelHalf(decode("GET /sample.mp4 HTTP/1.0\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n")),
                "a tunnel GET without its cookie still goes to the tunnel (which answers 400)");
        assertTrue(HttpTunnels.isTunnelHalf(decode("POST /sample.mp4 HTTP/1.0\r\nx-sessioncookie: abc\r\n\r\n")));
        assertTrue(HttpTunnels.isTunnelHalf(decode("POST /sample.mp4 HTTP/1.0\r\nContent-Type: application/x-rtsp-tunnelled\r\n\r\n")));
        assertFalse(HttpTunnels.isTunnelHalf(decode("POST /sample.mp3 HTTP/1.1\r\nContent-Type: text/plain\r\n\r\n")),
                "a plain POST is answered by the MP3 service (405)");
        assertFalse(HttpTunnels.isTunnelHalf(decode("GET /sample.mp3 HTTP/1.1\r\nAccept: */*\r\nIcy-MetaData: 1\r\n\r\n")));
        assertFalse(HttpTunnels.isTunnelHalf(decode("HEAD /sample.mp3 HTTP/1.1\r\n\r\n")));
    }

    private static String text(Reply reply) {
        return new String(reply.response().encode(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void theGetHalfIsAnsweredAndKeptAndThePostHalfAnswersThroughIt() throws Exception {
        try (LoopbackConnections connections = new LoopbackConnections(new ConnectionGuards(TWO_TUNNELS, new OutputBudget(1 << 20)))) {
            HttpTunnels tunnels = new HttpTunnels();
            RtspConnection get = connections.from("127.0.0.1");
            Reply open = tunnels.handle(decode("GET /a.mp4 HTTP/1.0\r\nx-sessioncookie: c1\r\n\r\n"), get);
            assertEquals("HTTP/1.0 200 OK\r\nCache-Control: no-store\r\nPragma: no-cache\r\n"
                    + "Content-Type: application/x-rtsp-tunnelled\r\n\r\n", text(open));
            assertNull(open.afterSent(), "the GET half stays open");
            assertSame(get, connections.server().tunnel("c1"));
            assertEquals("c1", get.tunnelCookie());

            RtspConnection post = connections.from("127.0.0.1");
            assertSame(Reply.NONE, tunnels.handle(decode("POST /a.mp4 HTTP/1.0\r\nx-sessioncookie: c1\r\n\r\n"), post),
                    "the POST half is never answered");
            assertSame(get, post.responseTarget(), "its requests are answered through the GET half");

            Reply taken = tunnels.handle(decode("GET /a.mp4 HTTP/1.0\r\nx-sessioncookie: c1\r\n\r\n"),
                    connections.from("127.0.0.1"));
            assertTrue(text(taken).startsWith("HTTP/1.0 400 Bad Request\r\nConnection: close\r\n"), text(taken));
            assertNotNull(taken.afterSent(), "a refused half is closed once answered");
        }
    }

    @Test
    void badHalvesAreRefusedWithHttpStatusesAndClosed() throws Exception {
        try (LoopbackConnections connections = new LoopbackConnections(new ConnectionGuards(TWO_TUNNELS, new OutputBudget(1 << 20)))) {
            HttpTunnels tunnels = new HttpTunnels();
            assertEquals(400, tunnels.handle(decode("GET /a.mp4 HTTP/1.0\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n"),
                    connections.from("127.0.0.1")).response().code(), "no cookie");
            assertEquals(400, tunnels.handle(decode("GET /a.mp4 HTTP/1.0\r\nx-sessioncookie: " + "c".repeat(129) + "\r\n\r\n"),
                    connections.from("127.0.0.1")).response().code(), "a cookie too long");
            assertEquals(405, tunnels.handle(decode("PUT /a.mp4 HTTP/1.0\r\nx-sessioncookie: c\r\n\r\n"),
                    connections.from("127.0.0.1")).response().code());
            RtspConnection orphan = connections.from("127.0.0.1");
            assertSame(Reply.NONE, tunnels.handle(decode("POST /a.mp4 HTTP/1.0\r\nx-sessioncookie: none\r\n\r\n"), orphan));
            assertSame(orphan, orphan.responseTarget(), "a POST for an unknown cookie joins nothing");
        }
    }

    @Test
    void getHalvesPastTheTunnelLimitGet503() throws Exception {
        try (LoopbackConnections connections = new LoopbackConnections(new ConnectionGuards(TWO_TUNNELS, new OutputBudget(1 << 20)))) {
            HttpTunnels tunnels = new HttpTunnels();
            for (String cookie : new String[] {"a", "b"}) {
                assertEquals(200, tunnels.handle(decode("GET /a.mp4 HTTP/1.0\r\nx-sessioncookie: " + cookie + "\r\n\r\n"),
                        connections.from("127.0.0.1")).response().code());
            }
            Reply full = tunnels.handle(decode("GET /a.mp4 HTTP/1.0\r\nx-sessioncookie: c\r\n\r\n"), connections.from("127.0.0.1"));
            assertEquals("HTTP/1.0 503 Service Unavailable\r\nConnection: close\r\n\r\n", text(full));
            assertEquals(2, connections.server().openTunnels());
        }
    }
}
