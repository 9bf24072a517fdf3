package org.tributary.loadtool;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.tributary.loadtool.rtp.ReceptionReport;
import org.tributary.loadtool.rtp.RtcpPackets;

/**
 * A tiny RTSP/RTP server for tests, on 127.0.0.1 with ephemeral ports. It serves one clip with a
 * video track (90 kHz) and an audio track (8 kHz). On PLAY it sends the video packets of a
 * {@link VideoPlan} (sequence numbers, deliberate drops, one swapped pair, timing offsets) and a
 * steady audio stream, over UDP or interleaved TCP as the client asked. It records the requests,
 * keep-alives and RTCP receiver reports it gets. Optionally it demands Digest authentication. It
 * also accepts RTSP over HTTP tunnels (QuickTime's GET/POST pair, see {@link #serveTunnelHalf}),
 * checking the heads and recording anything amiss in {@link #tunnelProblems}.
 */
final class FakeRtspServer implements AutoCloseable {
    static final long VIDEO_SSRC = 0x11223344L;
    static final long AUDIO_SSRC = 0x55667788L;
    private static final String REALM = "tributary-test";
    private static final String NONCE = "5f1c0a9e";

    /**
     * Video packets: packet i has sequence (firstSeq + i) mod 2^16 and timestamp i * tsStep, is due at
     * i * spacingNanos (+ oddDelayNanos for odd i); packets in {@code drops} are never sent and the
     * packets at swapAt and swapAt + 1 are sent in each other's slots.
     */
    record VideoPlan(int firstSeq, int count, Set<Integer> drops, int swapAt, int tsStep, long spacingNanos,
                     long oddDelayNanos) {
    }

    private final ServerSocket listener;
    private final VideoPlan plan;
    private final int audioPackets;
    private final String user;
    private final String password;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<ReceptionReport> videoReports = new ConcurrentLinkedQueue<>();
    final AtomicInteger unauthorized = new AtomicInteger();
    final AtomicInteger keepAlivesWithSession = new AtomicInteger();
    final AtomicInteger tunnelGets = new AtomicInteger();
    final AtomicInteger tunnelPosts = new AtomicInteger();
    final ConcurrentLinkedQueue<String> tunnelProblems = new ConcurrentLinkedQueue<>();
    /** Answers tunnel GETs with 403. */
    volatile boolean refuseTunnels;
    /** Media starts at once on PLAY, its answer only after this long (a server slow to answer, a busy link). */
    volatile long playAnswerDelayMillis;
    /** TEARDOWN is answered after this long. */
    volatile long teardownAnswerDelayMillis;
    private final Map<String, Connection> tunnels = new ConcurrentHashMap<>();

    FakeRtspServer(VideoPlan plan, int audioPackets, String user, String password) throws IOException {
        this.plan = plan;
        this.audioPackets = audioPackets;
        this.user = user;
        this.password = password;
        this.listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        start("fake-rtsp-accept", this::acceptLoop);
    }

    String url() {
        return "rtsp://127.0.0.1:" + listener.getLocalPort() + "/clip";
    }

    String urlWithCredentials() {
        return "rtsp://" + user + ":" + password + "@127.0.0.1:" + listener.getLocalPort() + "/clip";
    }

    long count(String method) {
        return requests.stream().filter(method::equals).count();
    }

    private void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                resources.add(socket);
                start("fake-rtsp-conn", () -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Per-connection state. */
    private final class Connection {
        final Socket socket;
        final OutputStream out;
        final DatagramSocket[] serverSockets = new DatagramSocket[2];
        final InetSocketAddress[] clientRtp = new InetSocketAddress[2];
        final int[] interleaved = {-1, -1};

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        synchronized void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Connection c = new Connection(socket);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String firstHead = readHead(in);
            if (firstHead.split("\r\n", 2)[0].endsWith(" HTTP/1.0")) {
                serveTunnelHalf(c, firstHead, in);
            } else {
                handle(c, firstHead);
                serveRtsp(c, in);
            }
        } catch (IOException e) {
            // connection ended
        }
    }

    /**
     * One half of an RTSP-over-HTTP tunnel. The GET is answered with 200 and then carries every
     * answer and packet (its thread just waits for the client to close it; the client must send
     * nothing more on it). The POST is never answered: what follows its head is base64 text whose
     * decoded requests and {@code $} frames are served as on a plain connection, answered on the GET.
     */
    private void serveTunnelHalf(Connection c, String head, InputStream in) throws IOException {
        String[] lines = head.split("\r\n");
        String method = lines[0].split(" ")[0];
        Map<String, String> headers = headers(lines);
        String cookie = headers.get("x-sessioncookie");
        if (cookie == null || cookie.length() < 8) {
            tunnelProblems.add(method + " without a usable x-sessioncookie");
            return;
        }
        if (method.equals("GET") && refuseTunnels) {
            c.write("HTTP/1.0 403 Forbidden\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else if (method.equals("GET")) {
            expect(headers, "accept", "application/x-rtsp-tunnelled");
            expect(headers, "pragma", "no-cache");
            expect(headers, "cache-control", "no-cache");
            if (tunnels.putIfAbsent(cookie, c) != null) {
                tunnelProblems.add("cookie used twice");
            }
            tunnelGets.incrementAndGet();
            c.write(("HTTP/1.0 200 OK\r\nContent-Type: application/x-rtsp-tunnelled\r\nCache-Control: no-store\r\n"
                    + "Pragma: no-cache\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            while (in.read() >= 0) {
                tunnelProblems.add("client wrote on the GET after its head");
            }
        } else if (method.equals("POST")) {
            expect(headers, "content-type", "application/x-rtsp-tunnelled");
            expect(headers, "content-length", "32767");
            expect(headers, "expires", "Sun, 9 Jan 1972 00:00:00 GMT");
            Connection get = tunnels.get(cookie);
            if (get == null) {
                tunnelProblems.add("POST before its GET, or with another cookie");
                return;
            }
            tunnelPosts.incrementAndGet();
            serveRtsp(get, new Base64QuadStream(in));
        } else {
            tunnelProblems.add("HTTP " + method);
        }
    }

    private void expect(Map<String, String> headers, String name, String value) {
        if (!value.equals(headers.get(name))) {
            tunnelProblems.add(name + ": " + headers.get(name));
        }
    }

    /** Serves requests and {@code $} frames read from {@code in}, answering on {@code c}. */
    private void serveRtsp(Connection c, InputStream in) throws IOException {
        while (!closed) {
            int first = in.read();
            if (first < 0) {
                return;
            }
            if (first == '$') {
                int channel = in.read();
                int length = (in.read() << 8) | in.read();
                byte[] data = in.readNBytes(length);
                if (channel == 1) {
                    recordRtcp(data);
                }
                continue;
            }
            String head = (char) first + readHead(in);
            handle(c, head);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof");
            }
            buf.write(b);
            state = (b == '\n') ? state + 1 : (b == '\r' ? state : 0);
            if (state == 2) {
                return buf.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private void handle(Connection c, String head) throws IOException {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        String method = requestLine[0];
        String uri = requestLine[1];
        Map<String, String> headers = headers(lines);
        String cseq = headers.getOrDefault("cseq", "0");
        requests.add(method);
        if (user != null && !authorized(method, uri, headers.get("authorization"))) {
            unauthorized.incrementAndGet();
            reply(c, cseq, "401 Unauthorized", "WWW-Authenticate: Basic realm=\"" + REALM + "\"\r\n"
                    + "WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"" + NONCE + "\", qop=\"auth\"\r\n", "");
            return;
        }
        switch (method) {
            case "OPTIONS" -> reply(c, cseq, "200 OK",
                    "Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER\r\n", "");
            case "DESCRIBE" -> {
                String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=test\r\nt=0 0\r\na=control:*\r\n"
                        + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:track0\r\n"
                        + "m=audio 0 RTP/AVP 97\r\na=rtpmap:97 L16/8000/1\r\na=control:track1\r\n";
                reply(c, cseq, "200 OK", "Content-Base: " + url() + "/\r\nContent-Type: application/sdp\r\n", sdp);
            }
            case "SETUP" -> setup(c, cseq, uri, headers.get("transport"));
            case "PLAY" -> {
                if (playAnswerDelayMillis > 0) {
                    start("fake-rtp-video", () -> sendVideo(c));
                    start("fake-rtp-audio", () -> sendAudio(c));
                    sleepQuietly(playAnswerDelayMillis);
                    reply(c, cseq, "200 OK", "Session: 4242\r\nRange: npt=0.000-\r\n", "");
                    return;
                }
                reply(c, cseq, "200 OK", "Session: 4242\r\nRange: npt=0.000-\r\n", "");
                start("fake-rtp-video", () -> sendVideo(c));
                start("fake-rtp-audio", () -> sendAudio(c));
            }
            case "GET_PARAMETER", "TEARDOWN" -> {
                if ("4242".equals(headers.get("session"))) {
                    if (method.equals("GET_PARAMETER")) {
                        keepAlivesWithSession.incrementAndGet();
                    } else if (teardownAnswerDelayMillis > 0) {
                        sleepQuietly(teardownAnswerDelayMillis);
                    }
                    reply(c, cseq, "200 OK", "Session: 4242\r\n", "");
                } else {
                    reply(c, cseq, "454 Session Not Found", "", "");
                }
            }
            default -> reply(c, cseq, "501 Not Implemented", "", "");
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Header names lower-cased; {@code lines[0]} is the request line. */
    private static Map<String, String> headers(String[] lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private void setup(Connection c, String cseq, String uri, String transport) throws IOException {
        int track = uri.endsWith("track1") ? 1 : 0;
        String reply;
        if (transport.contains("interleaved=")) {
            String range = transport.replaceAll(".*interleaved=([0-9]+-[0-9]+).*", "$1");
            c.interleaved[track] = Integer.parseInt(range.split("-")[0]);
            reply = "RTP/AVP/TCP;unicast;interleaved=" + range;
        } else {
            String ports = transport.replaceAll(".*client_port=([0-9]+-[0-9]+).*", "$1");
            int rtpPort = Integer.parseInt(ports.split("-")[0]);
            c.clientRtp[track] = new InetSocketAddress(InetAddress.getLoopbackAddress(), rtpPort);
            DatagramSocket[] pair = adjacentPortPair();
            DatagramSocket rtp = pair[0];
            DatagramSocket rtcp = pair[1];
            resources.add(rtp);
            resources.add(rtcp);
            c.serverSockets[track] = rtp;
            if (track == 0) {
                start("fake-rtcp", () -> receiveRtcp(rtcp));
            }
            reply = "RTP/AVP;unicast;client_port=" + ports + ";server_port=" + rtp.getLocalPort() + "-"
                    + rtcp.getLocalPort();
        }
        reply(c, cseq, "200 OK", "Session: 4242;timeout=60\r\nTransport: " + reply + "\r\n", "");
    }

    /** An RTP socket and an RTCP socket on the next port, as server_port=a-(a+1) announces them. */
    private static DatagramSocket[] adjacentPortPair() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            if (rtp.getLocalPort() < 65535) {
                try {
                    return new DatagramSocket[] {rtp, new DatagramSocket(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), rtp.getLocalPort() + 1))};
                } catch (java.net.SocketException taken) {
                    // the next port is in use: try another pair
                }
            }
            rtp.close();
        }
        throw new IOException("no free adjacent UDP port pair");
    }

    private void sendVideo(Connection c) {
        long start = System.nanoTime() + 5_000_000L;
        for (int slot = 0; slot < plan.count(); slot++) {
            int i = slot == plan.swapAt() ? slot + 1 : slot == plan.swapAt() + 1 ? slot - 1 : slot;
            long due = start + slot * plan.spacingNanos() + (slot % 2 == 1 ? plan.oddDelayNanos() : 0);
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            if (plan.drops().contains(i)) {
                continue;
            }
            byte[] packet = rtp(96, (plan.firstSeq() + i) & 0xFFFF, (long) i * plan.tsStep(), VIDEO_SSRC, 400);
            if (!send(c, 0, packet)) {
                return;
            }
            if (slot == 100) {
                send(c, 1, senderReport());
            }
        }
    }

    private void sendAudio(Connection c) {
        for (int i = 0; i < audioPackets && !closed; i++) {
            if (!send(c, 2, rtp(97, 1000 + i, i * 160L, AUDIO_SSRC, 160))) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends on a "wire channel": 0 video RTP, 1 video RTCP, 2 audio RTP. */
    private boolean send(Connection c, int wire, byte[] packet) {
        int track = wire == 2 ? 1 : 0;
        try {
            if (c.interleaved[track] >= 0) {
                int channel = c.interleaved[track] + (wire == 1 ? 1 : 0);
                ByteBuffer frame = ByteBuffer.allocate(4 + packet.length);
                frame.put((byte) '$').put((byte) channel).putShort((short) packet.length).put(packet);
                c.write(frame.array());
            } else if (c.serverSockets[track] != null && wire != 1) {
                c.serverSockets[track].send(new DatagramPacket(packet, packet.length, c.clientRtp[track]));
            } else if (wire == 1 && c.clientRtp[0] != null) {
                InetSocketAddress rtcpAddress = new InetSocketAddress(c.clientRtp[0].getAddress(),
                        c.clientRtp[0].getPort() + 1);
                c.serverSockets[0].send(new DatagramPacket(packet, packet.length, rtcpAddress));
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] rtp(int payloadType, int seq, long timestamp, long ssrc, int size) {
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) 0x80).put((byte) payloadType).putShort((short) seq).putInt((int) timestamp).putInt((int) ssrc);
        return b.array();
    }

    private static byte[] senderReport() {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.put((byte) 0x80).put((byte) RtcpPackets.PT_SR).putShort((short) 6).putInt((int) VIDEO_SSRC);
        b.putInt(0x0000ABCD).putInt(0x12340000).putInt(0).putInt(100).putInt(40000);
        return b.array();
    }

    private void receiveRtcp(DatagramSocket socket) {
        byte[] buf = new byte[2048];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            recordRtcp(java.util.Arrays.copyOf(p.getData(), p.getLength()));
        }
    }

    private void recordRtcp(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data);
        if ((b.get(1) & 0xFF) != RtcpPackets.PT_RR) {
            return;
        }
        for (ReceptionReport r : RtcpPackets.reportBlocks(b, 0, data.length)) {
            if (r.sourceSsrc() == VIDEO_SSRC) {
                videoReports.add(r);
            }
        }
    }

    private boolean authorized(String method, String uri, String authorization) {
        if (authorization == null || !authorization.startsWith("Digest ")) {
            return false;
        }
        String ha1 = md5(user + ":" + REALM + ":" + password);
        String ha2 = md5(method + ":" + param(authorization, "uri"));
        String expected = md5(ha1 + ":" + NONCE + ":" + param(authorization, "nc") + ":"
                + param(authorization, "cnonce") + ":auth:" + ha2);
        return uri.equals(param(authorization, "uri")) && "auth".equals(param(authorization, "qop"))
                && expected.equals(param(authorization, "response"));
    }

    /** One parameter of a Digest header, read here on its own so the check does not trust the client's code. */
    private static String param(String header, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[ ,]" + name + "=(\"([^\"]*)\"|([^, ]*))")
                .matcher(header);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(3)) : null;
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(Connection c, String cseq, String status, String headers, String body)
            throws IOException {
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "RTSP/1.0 " + status + "\r\nCSeq: " + cseq + "\r\n" + headers
                + (bodyBytes.length > 0 ? "Content-Length: " + bodyBytes.length + "\r\n" : "") + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(bodyBytes);
        c.write(out.toByteArray());
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
