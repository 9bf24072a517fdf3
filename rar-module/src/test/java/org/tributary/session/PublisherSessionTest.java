package org.tributary.session;

import org.junit.jupiter.api.Test;
import org.tributary.catalog.MediaCatalog;
import org.tributary.stream.AnnouncedPresentation;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.StreamPacket;
import org.tributary.stream.StreamReader;
import org.tributary.transport.UdpEndpoint;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A publisher session owns the stream at its path and feeds it the payloads of the client's RTP. */
class PublisherSessionTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("10.0.0.9", 6970);
    /** One H.264 track: payload 0x65 starts an IDR (a join point), 0x41 is a non-IDR slice. */
    private static final AnnouncedPresentation H264 = AnnouncedPresentation.parse("v=0\r\ns=cam\r\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:streamid=0\r\n");
    private static final byte IDR = 0x65;
    private static final byte SLICE = 0x41;

    private final PathRegistry paths;
    private final long[] now = {0};
    private final Publishers publishers;

    PublisherSessionTest() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "publisher-session-test").toAbsolutePath());
        paths = new PathRegistry(new MediaCatalog(root));
        publishers = new Publishers(paths, 3, 10, () -> now[0], Clock.systemUTC());
    }

    private PublisherSession publish(String path) throws Exception {
        return publishers.publish(path, H264, new PublisherOrigin(CLIENT, null, "test", "rtsp://h/" + path, null,
                "connection", () -> { }));
    }

    private static ByteBuffer rtp(int seq, long timestamp, boolean marker, byte... payload) {
        ByteBuffer packet = ByteBuffer.allocate(12 + payload.length);
        packet.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | 96)).putShort((short) seq).putInt((int) timestamp)
                .putInt(0x11223344).put(payload);
        return packet.flip();
    }

    @Test
    void theStreamIsServedAtTheCanonicalPathAndGetsThePayloads() throws Exception {
        PublisherSession publisher = publish("live//cam");
        assertEquals("live/cam", publisher.presentationPath());
        PathRegistry.StreamEntry entry = assertInstanceOf(PathRegistry.StreamEntry.class, paths.resolve("live/cam"));
        StreamReader reader = entry.stream().openReader();
        publisher.rtpReceived(0, rtp(10, 9000, true, SLICE, (byte) 2));
        StreamPacket packet = reader.poll();
        assertArrayEquals(new byte[] {SLICE, 2}, packet.payload());
        assertEquals(9000, packet.timestamp());
        assertTrue(packet.marker());
        assertEquals(96, packet.payloadType());
    }

    @Test
    void keyFramesStartTheGopAJoiningReaderGets() throws Exception {
        PublisherSession publisher = publish("live/gop");
        publisher.rtpReceived(0, rtp(1, 0, false, SLICE));
        publisher.rtpReceived(0, rtp(2, 3000, false, IDR));
        publisher.rtpReceived(0, rtp(3, 6000, false, SLICE));
        StreamReader joining = publisher.stream().openReader();
        assertEquals(IDR, joining.poll().payload()[0]);
        assertEquals(SLICE, joining.poll().payload()[0]);
        assertNull(joining.poll());
    }

    @Test
    void gapsAreCountedAsLostAndMalformedPacketsIgnored() throws Exception {
        PublisherSession publisher = publish("live/loss");
        publisher.rtpReceived(0, rtp(65534, 0, false, SLICE));
        publisher.rtpReceived(0, rtp(1, 0, false, SLICE)); // 65535 and 0 never came
        publisher.rtpReceived(0, ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertEquals(2, publisher.packetsReceived());
        assertEquals(2, publisher.packetsLost());
        assertEquals(1, publisher.packetsMalformed());
        assertEquals(2, publisher.stream().packetsWritten());
    }

    @Test
    void aSecondPublisherForTheSamePathIsRefused() throws Exception {
        publish("live/once");
        Publishers.PublishRefusedException busy = assertThrows(Publishers.PublishRefusedException.class,
                () -> publish("live/./once"));
        assertTrue(busy.pathBusy());
        assertEquals(1, publishers.size());
    }

    @Test
    void endingThePublisherUnregistersTheStreamAndEndsItsReaders() throws Exception {
        PublisherSession publisher = publish("live/end");
        StreamReader reader = publisher.stream().openReader();
        publisher.close("teardown");
        publisher.close("again");
        assertEquals("teardown", publisher.endReason());
        assertTrue(reader.finished());
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> paths.resolve("live/end"));
        publish("live/end").close("teardown"); // the path is free again
    }

    @Test
    void rtpArrivingOnTheServersUdpPortFeedsTheStream() throws Exception {
        PublisherSession publisher = publish("live/udp");
        StreamReader reader = publisher.stream().openReader();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (UdpEndpoint endpoint = new UdpEndpoint(loopback, 0, 0);
             DatagramSocket client = new DatagramSocket(0, loopback)) {
            Thread receiver = new Thread(endpoint);
            receiver.start();
            endpoint.receiveRtpFrom(new InetSocketAddress(loopback, client.getLocalPort()), publisher.udpListener(0));
            ByteBuffer packet = rtp(7, 1234, false, IDR, (byte) 6);
            client.send(new DatagramPacket(packet.array(), packet.limit(), loopback, endpoint.rtpPort()));
            long deadline = System.nanoTime() + 10_000_000_000L;
            StreamPacket received;
            while ((received = reader.poll()) == null) {
                if (System.nanoTime() > deadline) {
                    fail("the packet never reached the stream");
                }
                Thread.sleep(5);
            }
            assertNotNull(received);
            assertArrayEquals(new byte[] {IDR, 6}, received.payload());
            assertTrue(received.keyFrame());
            endpoint.close();
            receiver.join(10_000);
        }
    }

    @Test
    void theLimitRefusesMorePublishersAndTheSilentOnesEnd() throws Exception {
        PublisherSession recording = publish("live/a");
        PublisherSession idle = publish("live/b");
        publish("live/c");
        Publishers.PublishRefusedException full = assertThrows(Publishers.PublishRefusedException.class,
                () -> publish("live/d"));
        assertTrue(!full.pathBusy() && full.getMessage().contains("(3)"), full.getMessage());
        List<String> ended = new java.util.ArrayList<>();
        publishers.onPublisherEnded(p -> ended.add(p.presentationPath() + ": " + p.endReason()));
        recording.recording();
        now[0] += 9_000_000_000L;
        recording.rtpReceived(0, rtp(1, 0, false, SLICE));
        idle.touch(); // a request keeps a publisher that does not record yet alive
        now[0] += 2_000_000_000L;
        publishers.tick();
        assertEquals(List.of("live/c: no media from the publisher for 10 s"), ended);
        recording.touch(); // once recording, requests alone do not keep it alive
        now[0] += 9_500_000_000L;
        publishers.tick();
        assertEquals(3, ended.size(), ended.toString());
        assertEquals(0, publishers.size());
    }

    @Test
    void aLostPublisherThatComesBackWithinTheGraceContinuesTheSameStream() throws Exception {
        publishers.graceSeconds(5);
        PublisherSession first = publish("live/resume");
        StreamReader viewer = first.stream().openReader();
        first.rtpReceived(0, rtp(1, 1000, false, IDR));
        publishers.closeBoundTo("connection", "connection closed");
        assertEquals(1, publishers.waiting());
        assertInstanceOf(PathRegistry.StreamEntry.class, paths.resolve("live/resume"), "viewers still have it");
        now[0] += 3_000_000_000L;
        publishers.tick();
        PublisherSession second = publish("live/resume");
        assertEquals(first.stream(), second.stream(), "the same stream, so its viewers go on");
        second.rtpReceived(0, rtp(500, 77_000, false, IDR));
        assertEquals(IDR, viewer.poll().payload()[0]);
        assertEquals(IDR, viewer.poll().payload()[0]);
        assertTrue(!viewer.finished());
        assertEquals(0, publishers.waiting());
    }

    @Test
    void aLostPublisherThatDoesNotComeBackEndsItsViewersAfterTheGrace() throws Exception {
        publishers.graceSeconds(5);
        PublisherSession first = publish("live/gone");
        StreamReader viewer = first.stream().openReader();
        publishers.closeBoundTo("connection", "connection closed");
        now[0] += 4_000_000_000L;
        publishers.tick();
        assertTrue(!viewer.finished(), "within the grace");
        now[0] += 1_000_000_000L;
        publishers.tick();
        assertTrue(viewer.finished());
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> paths.resolve("live/gone"));
        PublisherSession torn = publish("live/gone");
        StreamReader other = torn.stream().openReader();
        torn.close("teardown");
        assertTrue(other.finished(), "a TEARDOWN ends the viewers at once");
        assertEquals(0, publishers.waiting());
    }
}
