package org.tributary.session;

import org.junit.jupiter.api.Test;
import org.tributary.catalog.MediaCatalog;
import org.tributary.source.SourceTrack;
import org.tributary.stream.KeyFrames;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.StreamLimits;
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
    private static final List<SourceTrack> TRACKS =
            List.of(new SourceTrack(0, "video", 96, 90000, "H264", 0, List.of("rtpmap:96 H264/90000")));
    /** Marks a payload whose first byte is 5 (an IDR NAL unit type, for the test's purpose). */
    private static final KeyFrames FIRST_BYTE_5 = (track, payload) -> payload.get(payload.position()) == 5;

    private final PathRegistry paths;

    PublisherSessionTest() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "publisher-session-test").toAbsolutePath());
        paths = new PathRegistry(new MediaCatalog(root));
    }

    private PublisherSession publish(String path) throws Exception {
        return PublisherSession.publish("P1", path, TRACKS, CLIENT, paths, FIRST_BYTE_5, StreamLimits.DEFAULT,
                System::nanoTime);
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
        publisher.rtpReceived(0, rtp(10, 9000, true, (byte) 1, (byte) 2));
        StreamPacket packet = reader.poll();
        assertArrayEquals(new byte[] {1, 2}, packet.payload());
        assertEquals(9000, packet.timestamp());
        assertTrue(packet.marker());
        assertEquals(96, packet.payloadType());
    }

    @Test
    void keyFramesStartTheGopAJoiningReaderGets() throws Exception {
        PublisherSession publisher = publish("live/gop");
        publisher.rtpReceived(0, rtp(1, 0, false, (byte) 1));
        publisher.rtpReceived(0, rtp(2, 3000, false, (byte) 5));
        publisher.rtpReceived(0, rtp(3, 6000, false, (byte) 1));
        StreamReader joining = publisher.stream().openReader();
        assertEquals(5, joining.poll().payload()[0]);
        assertEquals(1, joining.poll().payload()[0]);
        assertNull(joining.poll());
    }

    @Test
    void gapsAreCountedAsLostAndMalformedPacketsIgnored() throws Exception {
        PublisherSession publisher = publish("live/loss");
        publisher.rtpReceived(0, rtp(65534, 0, false, (byte) 1));
        publisher.rtpReceived(0, rtp(1, 0, false, (byte) 1)); // 65535 and 0 never came
        publisher.rtpReceived(0, ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertEquals(2, publisher.packetsReceived());
        assertEquals(2, publisher.packetsLost());
        assertEquals(1, publisher.packetsMalformed());
        assertEquals(2, publisher.stream().packetsWritten());
    }

    @Test
    void aSecondPublisherForTheSamePathIsRefused() throws Exception {
        publish("live/once");
        assertThrows(IllegalStateException.class, () -> publish("live/./once"));
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
            ByteBuffer packet = rtp(7, 1234, false, (byte) 5, (byte) 6);
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
            assertArrayEquals(new byte[] {5, 6}, received.payload());
            assertTrue(received.keyFrame());
            endpoint.close();
            receiver.join(10_000);
        }
    }
}
