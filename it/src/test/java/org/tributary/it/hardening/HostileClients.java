package org.tributary.it.hardening;

import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.rtsp.RtspResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Raw sockets from a chosen loopback address, the public status, and the server log, for the hardening tests. */
final class HostileClients {

    /** A second client address: loopback accepts all of 127/8, and the server counts it apart from 127.0.0.1. */
    static final String OTHER_ADDRESS = "127.0.0.2";

    private HostileClients() {
    }

    static Socket connectFrom(String localAddress, int port, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /**
     * The status line and headers of the next response (RTSP or HTTP) as text, decoded by the codec (its body,
     * if it has a length, is read and dropped); "" when the server closed the connection before answering.
     */
    static String readHead(Socket socket) throws IOException {
        RtspResponse response = RtspTestClient.readMessage(socket.getInputStream());
        if (response == null) {
            return "";
        }
        StringBuilder head = new StringBuilder().append(response.protocol()).append(' ').append(response.code())
                .append(' ').append(response.reason()).append("\r\n");
        for (Map.Entry<String, String> field : response.headers().entries()) {
            head.append(field.getKey()).append(": ").append(field.getValue()).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** Reads until the server closes; fails if it does not within the socket's timeout. */
    static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = socket.getInputStream().read(chunk)) >= 0) {
                all.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException e) {
            fail("the server did not close the connection; received: " + all.toString(StandardCharsets.ISO_8859_1));
        } catch (java.net.SocketException reset) {
            // a reset is a close too
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /** DESCRIBE, SETUP (interleaved), PLAY; returns the session id. */
    static String playInterleaved(Socket socket, String file) throws IOException {
        String url = Endpoints.RTSP + file;
        send(socket, "DESCRIBE " + url + " RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n");
        String describe = readHead(socket);
        assertTrue(describe.startsWith("RTSP/1.0 200"), describe);
        send(socket, "SETUP " + url + "/trackID=1 RTSP/1.0\r\nCSeq: 2\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
        String setup = readHead(socket);
        assertTrue(setup.startsWith("RTSP/1.0 200"), setup);
        Matcher session = Pattern.compile("(?i)\r\nSession: *([^;\r]+)").matcher(setup);
        assertTrue(session.find(), setup);
        send(socket, "PLAY " + url + " RTSP/1.0\r\nCSeq: 3\r\nSession: " + session.group(1) + "\r\n\r\n");
        return session.group(1);
    }

    /** Reads after a PLAY until an interleaved RTP packet on channel 0 arrives; fails if none does. */
    static void awaitRtp(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        String play = readHead(socket);
        assertTrue(play.startsWith("RTSP/1.0 200"), play);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '$') {
                int channel = in.read();
                int length = (in.read() << 8) | in.read();
                byte[] packet = in.readNBytes(length);
                if (channel == 0 && packet.length >= 12 && (packet[0] & 0xC0) == 0x80) {
                    return;
                }
            }
        }
        fail("no RTP packet before the server closed");
    }

    /** openConnections from the public /api/status (the RTSP port's connections). */
    static int openConnections() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Endpoints.HTTP + "/api/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"openConnections\"\\s*:\\s*(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Integer.parseInt(m.group(1));
    }

    static String serverLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("it.log.dir", "target/server-log"), "server.log"),
                StandardCharsets.ISO_8859_1);
    }

    /** Polls until the condition holds; fails after {@code seconds}. */
    static void await(int seconds, String what, Check condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + seconds + " s waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    static void closeAll(Iterable<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a test socket
            }
        }
    }
}
