package org.tributary.loadtool.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tributary.loadtool.rtp.UdpPortAllocator;
import org.tributary.loadtool.rtsp.RtspUrl;

/** A publisher against a minimal recording server: the requests it sends and the RTP it paces. */
class PublisherTest {
    private static final long DEADLINE_NANOS = 20_000_000_000L;

    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<byte[]> packets = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> channels = Collections.synchronizedList(new ArrayList<>());
    private ServerSocket listener;
    private DatagramSocket serverRtp;
    private Publisher publisher;
    private Thread serverThread;

    @AfterEach
    void tearDown() throws Exception {
        if (publisher != null) {
            publisher.close();
        }
        if (listener != null) {
            listener.close();
        }
        if (serverRtp != null) {
            serverRtp.close();
        }
        if (serverThread != null) {
            serverThread.join(5000);
        }
    }

    @Test
    void announcesSetsUpForRecordingOverTcpAndSendsInterleavedRtp() throws Exception {
        startServer(null);
        publisher = publisher(false, 401);
        assertTrue(publisher.start(), () -> "refused: " + publisher.failure());
        publisher.startSending();
        awaitTrue(() -> packets.size() >= 40);

        assertEquals(List.of("ANNOUNCE", "SETUP", "RECORD"), requests.stream().map(r -> r.split(" ")[0]).toList());
        String announce = requests.get(0);
        assertTrue(announce.startsWith("ANNOUNCE rtsp://127.0.0.1:" + listener.getLocalPort() + "/live/cam "));
        assertTrue(announce.contains("Content-Type: application/sdp"));
        assertTrue(announce.contains("a=fmtp:96 packetization-mode=1;profile-level-id=42C01E;sprop-parameter-sets="));
        assertTrue(announce.contains("a=control:streamid=0"));
        String setup = requests.get(1);
        assertTrue(setup.startsWith("SETUP rtsp://127.0.0.1:" + listener.getLocalPort() + "/live/cam/streamid=0 "));
        assertTrue(setup.contains("Transport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record"));
        assertTrue(requests.get(2).contains("Session: pub1"));
        assertTrue(channels.stream().allMatch(c -> c == 0), "all RTP on channel 0: " + channels);
        assertRealLookingStream();
    }

    @Test
    void overUdpSendsToTheServerPortOfTheAnswer() throws Exception {
        serverRtp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        startServer(serverRtp);
        publisher = publisher(true, 402);
        assertTrue(publisher.start(), () -> "refused: " + publisher.failure());
        publisher.startSending();
        Thread udpReader = new Thread(() -> {
            byte[] buf = new byte[2048];
            try {
                while (true) {
                    DatagramPacket d = new DatagramPacket(buf, buf.length);
                    serverRtp.receive(d);
                    byte[] copy = new byte[d.getLength()];
                    System.arraycopy(buf, 0, copy, 0, copy.length);
                    packets.add(copy);
                }
            } catch (IOException closed) {
                // the test ended
            }
        });
        udpReader.setDaemon(true);
        udpReader.start();
        awaitTrue(() -> packets.size() >= 40);
        assertTrue(requests.get(1).matches("(?s).*Transport: RTP/AVP;unicast;client_port=\\d+-\\d+;mode=record.*"),
                requests.get(1));
        assertRealLookingStream();
    }

    @Test
    void aRefusedAnnounceIsReportedWithItsStatus() throws Exception {
        startServer(null, 403);
        publisher = publisher(false, 403);
        assertFalse(publisher.start());
        assertEquals("ANNOUNCE:403", publisher.failure());
    }

    private void assertRealLookingStream() throws InterruptedException {
        List<byte[]> got = new ArrayList<>(packets);
        assertEquals(7, got.get(0)[12] & 0x1F, "SPS first");
        assertEquals(8, got.get(1)[12] & 0x1F, "PPS second");
        int seq = -1;
        for (byte[] p : got) {
            int s = ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
            if (seq >= 0) {
                assertEquals((seq + 1) & 0xFFFF, s, "sequence gap");
            }
            seq = s;
        }
        assertNull(publisher.failure());
        // The sent counter moves just after each send: the receiver may be a packet ahead of it for a moment.
        awaitTrue(() -> publisher.packetsSent() >= got.size());
    }

    private Publisher publisher(boolean udp, int index) {
        RtspUrl url = RtspUrl.parse("rtsp://127.0.0.1:" + listener.getLocalPort() + "/live/cam");
        // 100 fps, 4 frames a GOP, 400 kbit/s: IDRs of 2 kB are fragmented, P slices are not.
        PublishSettings settings = new PublishSettings(udp, 400_000, 100, 4, 1200, 5000);
        return new Publisher(url, settings, new UdpPortAllocator("127.0.0.1", 0, 65536), index);
    }

    private void startServer(DatagramSocket udp) throws IOException {
        startServer(udp, 200);
    }

    /** Answers every request with {@code status}; after RECORD, collects interleaved frames. */
    private void startServer(DatagramSocket udp, int status) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        serverThread = new Thread(() -> {
            try (Socket s = listener.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                while (true) {
                    int first = in.read();
                    if (first < 0) {
                        return;
                    }
                    if (first == '$') {
                        int channel = in.readUnsignedByte();
                        byte[] frame = new byte[in.readUnsignedShort()];
                        in.readFully(frame);
                        channels.add(channel);
                        packets.add(frame);
                        continue;
                    }
                    String request = readRequest(first, in);
                    requests.add(request);
                    String cseq = header(request, "CSeq");
                    StringBuilder answer = new StringBuilder("RTSP/1.0 " + status + " X\r\nCSeq: " + cseq + "\r\n");
                    if (request.startsWith("SETUP")) {
                        answer.append("Session: pub1;timeout=60\r\nTransport: ").append(header(request, "Transport"));
                        if (udp != null) {
                            answer.append(";server_port=").append(udp.getLocalPort()).append('-')
                                    .append(udp.getLocalPort() + 1);
                        }
                        answer.append("\r\n");
                    }
                    out.write(answer.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException closed) {
                // the test ended
            }
        }, "recording-server");
        serverThread.setDaemon(true);
        serverThread.start();
    }

    private static String readRequest(int first, DataInputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(first);
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        String length = header(text, "Content-Length");
        if (length != null) {
            byte[] body = new byte[Integer.parseInt(length)];
            in.readFully(body);
            text += new String(body, StandardCharsets.UTF_8);
        }
        return text;
    }

    private static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 20 s");
            Thread.sleep(20);
        }
    }
}
