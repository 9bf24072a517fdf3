package org.tributary.loadtool.rtsp;

import org.tributary.rtsp.RtspResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client side of RTSP over HTTP, against a scripted server socket. */
class HttpTunnelTest {
    private static final String OPTIONS_OK = "RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS\r\n\r\n";

    @Test
    void headsCarryTheQuickTimeHeaders() {
        RtspUrl url = RtspUrl.parse("rtsp://user:pw@example.org:8554/live/cam?x=1");
        String get = HttpTunnel.getHead(url, "c00k1e", "ua");
        String post = HttpTunnel.postHead(url, "c00k1e", "ua");
        assertTrue(get.startsWith("GET /live/cam?x=1 HTTP/1.0\r\n"), get);
        assertTrue(post.startsWith("POST /live/cam?x=1 HTTP/1.0\r\n"), post);
        for (String h : List.of("x-sessioncookie: c00k1e", "Accept: application/x-rtsp-tunnelled",
                "Pragma: no-cache", "Cache-Control: no-cache", "Host: example.org:8554")) {
            assertTrue(get.contains("\r\n" + h + "\r\n"), h);
        }
        for (String h : List.of("x-sessioncookie: c00k1e", "Content-Type: application/x-rtsp-tunnelled",
                "Content-Length: 32767", "Expires: Sun, 9 Jan 1972 00:00:00 GMT")) {
            assertTrue(post.contains("\r\n" + h + "\r\n"), h);
        }
        assertTrue(get.endsWith("\r\n\r\n") && post.endsWith("\r\n\r\n"));
        assertTrue(!get.contains("pw") && !post.contains("pw"), "no credentials on the HTTP heads");
        assertNotEquals(HttpTunnel.newCookie(), HttpTunnel.newCookie());
    }

    @Test
    void findsTheEndOfAnHttpHead() {
        byte[] crlf = "HTTP/1.0 200 OK\r\nA: b\r\n\r\n$x".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(crlf.length - 2, HttpTunnel.headEnd(crlf, crlf.length));
        byte[] lf = "HTTP/1.0 200 OK\nA: b\n\nRTSP".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(lf.length - 4, HttpTunnel.headEnd(lf, lf.length));
        assertEquals(-1, HttpTunnel.headEnd(crlf, 20));
    }

    @Test
    @Timeout(10)
    void requestsGoBase64OnThePostAndAnswersComeOnTheGet() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            RtspUrl url = RtspUrl.parse("rtsp://127.0.0.1:" + listener.getLocalPort() + "/clip");
            List<String> heads = new ArrayList<>();
            Thread server = new Thread(() -> {
                try (Socket get = listener.accept()) {
                    heads.add(readHead(get.getInputStream()));
                    get.getOutputStream().write(("HTTP/1.0 200 OK\r\nContent-Type: application/x-rtsp-tunnelled\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    try (Socket post = listener.accept()) {
                        heads.add(readHead(post.getInputStream()));
                        post.setSoTimeout(3000);
                        String request = readBase64Text(post.getInputStream(), 1);
                        // The answer comes on the GET half, never on the POST.
                        get.getOutputStream().write(OPTIONS_OK.getBytes(StandardCharsets.ISO_8859_1));
                        heads.add(request + "\n" + readBase64Text(post.getInputStream(), 1));
                    }
                } catch (IOException e) {
                    heads.add("server failed: " + e);
                }
            });
            server.start();
            RtspConnection connection = HttpTunnel.open(url, 3000, "ua");
            try {
                RtspResponse r = connection.exchange("OPTIONS", url.requestUri(), Map.of(), new Ignore(), 3000);
                assertEquals(200, r.code());
                assertEquals("OPTIONS", r.headers().get("Public"));
                connection.sendInterleaved(1, ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 201, 0, 1}));
            } finally {
                server.join(5000);
                connection.close();
            }
            assertEquals(3, heads.size(), heads::toString);
            String cookie = headerValue(heads.get(0), "x-sessioncookie");
            assertTrue(heads.get(0).startsWith("GET /clip HTTP/1.0\r\n"), heads.get(0));
            assertTrue(heads.get(1).startsWith("POST /clip HTTP/1.0\r\n"), heads.get(1));
            assertEquals(cookie, headerValue(heads.get(1), "x-sessioncookie"));
            String[] messages = heads.get(2).split("\n");
            String request = new String(Base64.getDecoder().decode(messages[0]), StandardCharsets.ISO_8859_1);
            assertTrue(request.startsWith("OPTIONS rtsp://127.0.0.1:" + listener.getLocalPort() + "/clip RTSP/1.0\r\n"
                    + "CSeq: 1\r\n"), request);
            byte[] frame = Base64.getDecoder().decode(messages[1]);
            assertEquals(List.of(36, 1, 0, 4, 0x80, 201, 0, 1), unsigned(frame), "an RTCP $ frame on channel 1");
        }
    }

    @Test
    @Timeout(10)
    void aRefusedGetIsReportedWithItsStatus() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            RtspUrl url = RtspUrl.parse("rtsp://127.0.0.1:" + listener.getLocalPort() + "/clip");
            Thread server = new Thread(() -> {
                try (Socket get = listener.accept()) {
                    readHead(get.getInputStream());
                    get.getOutputStream().write("HTTP/1.1 404 Not Found\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                    // the test fails on the client side
                }
            });
            server.start();
            TunnelRefusedException e = assertThrows(TunnelRefusedException.class,
                    () -> HttpTunnel.open(url, 3000, "ua"));
            assertEquals(404, e.status());
            server.join(5000);
        }
    }

    private static List<Integer> unsigned(byte[] bytes) {
        List<Integer> result = new ArrayList<>();
        for (byte b : bytes) {
            result.add(b & 0xFF);
        }
        return result;
    }

    private static String headerValue(String head, String name) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (!buf.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof in head");
            }
            buf.write(b);
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads the POST body as base64 text and splits it where padding or a decodable whole ends, one
     * line per message: each message is encoded on its own, so each decodes alone.
     */
    private static String readBase64Text(InputStream in, int messages) throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> found = new ArrayList<>();
        int start = 0;
        while (found.size() < messages) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
            String candidate = text.substring(start);
            if (candidate.length() % 4 == 0 && decodesAsMessage(candidate)) {
                found.add(candidate);
                start = text.length();
            }
        }
        return String.join("\n", found);
    }

    private static boolean decodesAsMessage(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        if (s.startsWith("$")) {
            return bytes.length >= 4 && bytes.length == 4 + (((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF));
        }
        return s.endsWith("\r\n\r\n");
    }

    private static final class Ignore implements RtspInboundHandler {
        @Override
        public void onResponse(RtspResponse response) {
        }

        @Override
        public void onInterleaved(int channel, ByteBuffer data, int offset, int length) {
        }
    }
}
