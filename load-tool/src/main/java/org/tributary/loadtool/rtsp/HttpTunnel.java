package org.tributary.loadtool.rtsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opens RTSP over HTTP as QuickTime and ffmpeg do it (Apple's "Tunneling QuickTime RTSP and RTP over
 * HTTP"). Connection 1 sends {@code GET path HTTP/1.0}; the server answers {@code 200 OK} and then
 * sends every RTSP response and interleaved packet on it. Connection 2 sends {@code POST path
 * HTTP/1.0}, which the server never answers, and then carries the requests, each base64-encoded on
 * its own. Both carry the same random {@code x-sessioncookie}, which pairs them on the server.
 */
public final class HttpTunnel {
    public static final String CONTENT_TYPE = "application/x-rtsp-tunnelled";
    /** What QuickTime and ffmpeg announce for the POST body, however much they then send. */
    static final int POST_CONTENT_LENGTH = 32767;
    private static final int MAX_HEAD = 16 * 1024;

    private HttpTunnel() {
    }

    /**
     * Opens both halves (blocking) and waits for the GET's 200 within the timeout.
     *
     * @throws TunnelRefusedException if the GET is answered with another status
     * @throws SocketTimeoutException if no answer arrives in time
     */
    public static RtspConnection open(RtspUrl url, int timeoutMillis, String userAgent) throws IOException {
        String cookie = newCookie();
        SocketChannel get = RtspConnection.connect(url, timeoutMillis);
        SocketChannel post = null;
        try {
            send(get, getHead(url, cookie, userAgent));
            byte[] afterHead = awaitOk(get, System.nanoTime() + timeoutMillis * 1_000_000L);
            post = RtspConnection.connect(url, timeoutMillis);
            send(post, postHead(url, cookie, userAgent));
            return RtspConnection.tunnelled(get, post, url, userAgent, afterHead);
        } catch (IOException | RuntimeException e) {
            RtspConnection.closeQuietly(get);
            RtspConnection.closeQuietly(post);
            throw e;
        }
    }

    static String newCookie() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    static String getHead(RtspUrl url, String cookie, String userAgent) {
        return "GET " + url.path() + " HTTP/1.0\r\n"
                + commonHeaders(url, cookie, userAgent)
                + "Accept: " + CONTENT_TYPE + "\r\n"
                + "Pragma: no-cache\r\n"
                + "Cache-Control: no-cache\r\n"
                + "\r\n";
    }

    static String postHead(RtspUrl url, String cookie, String userAgent) {
        return "POST " + url.path() + " HTTP/1.0\r\n"
                + commonHeaders(url, cookie, userAgent)
                + "Content-Type: " + CONTENT_TYPE + "\r\n"
                + "Pragma: no-cache\r\n"
                + "Cache-Control: no-cache\r\n"
                + "Content-Length: " + POST_CONTENT_LENGTH + "\r\n"
                + "Expires: Sun, 9 Jan 1972 00:00:00 GMT\r\n"
                + "\r\n";
    }

    private static String commonHeaders(RtspUrl url, String cookie, String userAgent) {
        return "Host: " + url.hostAndPort() + "\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + "x-sessioncookie: " + cookie + "\r\n";
    }

    private static void send(SocketChannel channel, String head) throws IOException {
        OutputStream out = channel.socket().getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads the GET's HTTP answer head; returns the bytes that followed it (already RTSP). */
    private static byte[] awaitOk(SocketChannel get, long deadlineNanos) throws IOException {
        InputStream in = get.socket().getInputStream();
        byte[] buffer = new byte[MAX_HEAD];
        int filled = 0;
        while (true) {
            int headEnd = headEnd(buffer, filled);
            if (headEnd >= 0) {
                checkStatus(new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1));
                return Arrays.copyOfRange(buffer, headEnd, filled);
            }
            if (filled == buffer.length) {
                throw new IOException("HTTP tunnel answer head larger than " + MAX_HEAD + " bytes");
            }
            long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000L;
            if (remainingMillis <= 0) {
                throw new SocketTimeoutException("no answer to the HTTP tunnel GET");
            }
            get.socket().setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                throw new IOException("connection closed before the HTTP tunnel answer");
            }
            filled += n;
        }
    }

    /** Index just past the blank line ending an HTTP head ({@code \r\n\r\n} or {@code \n\n}), or -1. */
    static int headEnd(byte[] bytes, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            if (bytes[i + 1] == '\n') {
                return i + 2;
            }
            if (bytes[i + 1] == '\r' && i + 2 < length && bytes[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    private static void checkStatus(String head) throws TunnelRefusedException {
        String statusLine = head.split("\r?\n", 2)[0].trim();
        String[] parts = statusLine.split(" ", 3);
        int status = -1;
        if (parts.length >= 2 && parts[0].startsWith("HTTP/")) {
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                status = -1;
            }
        }
        if (status != 200) {
            throw new TunnelRefusedException(status, statusLine);
        }
    }
}
