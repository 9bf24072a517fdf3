package org.tributary.stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.catalog.MediaCatalog;
import org.tributary.source.UnsupportedMediaException;
import org.tributary.transport.UdpReceivers;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** An .sdp file describing a live RTP source is a stream while someone watches it. */
class SdpFileReflectorTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path media;

    private final long[] now = {0};
    private UdpReceivers receivers;
    private Thread loop;
    private PathRegistry paths;
    private SdpFileReflector reflector;

    @BeforeEach
    void start() throws Exception {
        receivers = new UdpReceivers();
        loop = new Thread(receivers);
        loop.start();
        paths = new PathRegistry(new MediaCatalog(media));
        reflector = new SdpFileReflector(paths, receivers, LOOPBACK, 10, () -> now[0]);
        paths.onDemand(reflector);
    }

    @AfterEach
    void stop() throws Exception {
        reflector.stopAll("test over");
        receivers.close();
        loop.join(10_000);
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    private void describe(String file, int port) throws Exception {
        Files.writeString(media.resolve(file), "v=0\no=- 0 0 IN IP4 127.0.0.1\ns=No Name\nc=IN IP4 127.0.0.1\nt=0 0\n"
                + "m=video " + port + " RTP/AVP 96\nb=AS:500\na=rtpmap:96 H264/90000\n"
                + "a=fmtp:96 packetization-mode=1\n");
    }

    @Test
    void theFirstReaderStartsItAndRtpOnTheNamedPortFeedsTheStream() throws Exception {
        int port = freeUdpPort();
        describe("cam.sdp", port);
        PathRegistry.StreamEntry entry = assertInstanceOf(PathRegistry.StreamEntry.class, paths.resolve("cam.sdp"));
        assertEquals("H264", entry.source().tracks().get(0).codec());
        assertSame(entry.stream(), ((PathRegistry.StreamEntry) paths.resolve("cam.sdp")).stream(), "started once");
        StreamReader reader = entry.stream().openReader();
        byte[] rtp = {(byte) 0x80, 96, 0, 1, 0, 0, 0x0B, (byte) 0xB8, 1, 2, 3, 4, 0x65, 0x11, 0x22};
        long deadline = System.nanoTime() + 10_000_000_000L;
        StreamPacket packet = null;
        try (DatagramSocket source = new DatagramSocket(0, LOOPBACK)) {
            while (packet == null) {
                if (System.nanoTime() > deadline) {
                    fail("no RTP reached the stream");
                }
                source.send(new DatagramPacket(rtp, rtp.length, LOOPBACK, port));
                Thread.sleep(20);
                packet = reader.poll();
            }
        }
        assertArrayEquals(new byte[] {0x65, 0x11, 0x22}, packet.payload());
        assertEquals(3000, packet.timestamp());
        assertTrue(packet.keyFrame(), "an IDR is a join point");

        reflector.tick();
        now[0] += 60_000_000_000L;
        reflector.tick();
        assertEquals(1, reflector.reflecting(), "watched: it goes on");
        reader.close();
        reflector.tick();
        now[0] += 9_000_000_000L;
        reflector.tick();
        assertEquals(1, reflector.reflecting(), "within the linger time");
        now[0] += 1_000_000_000L;
        reflector.tick();
        assertEquals(0, reflector.reflecting());
        assertTrue(entry.stream().ended());
        assertEquals(0, receivers.openPorts());
        assertTrue(rebinds(port), "the port is released");
    }

    /** Whether the port can be bound again within 10 s (the receive loop releases it at its next turn). */
    private static boolean rebinds(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (DatagramSocket rebound = new DatagramSocket(port, LOOPBACK)) {
                return true;
            } catch (java.net.SocketException e) {
                Thread.sleep(20);
            }
        }
        return false;
    }

    @Test
    void aDescriptionWithoutPortsOrWithABusyPortIsRefusedWithItsReason() throws Exception {
        Files.writeString(media.resolve("vod.sdp"), "v=0\ns=x\nm=video 0 RTP/AVP 96\na=rtpmap:96 H264/90000\n");
        UnsupportedMediaException noPort = assertThrows(UnsupportedMediaException.class, () -> paths.resolve("vod.sdp"));
        assertTrue(noPort.getMessage().contains("names no port"), noPort.getMessage());
        try (DatagramSocket busy = new DatagramSocket(0, LOOPBACK)) {
            describe("busy.sdp", busy.getLocalPort());
            UnsupportedMediaException taken = assertThrows(UnsupportedMediaException.class,
                    () -> paths.resolve("busy.sdp"));
            assertTrue(taken.getMessage().contains("cannot receive m=video"), taken.getMessage());
        }
        assertEquals(0, reflector.reflecting());
        assertEquals(0, receivers.openPorts());
        Files.writeString(media.resolve("notes.txt"), "not sdp");
        assertThrows(UnsupportedMediaException.class, () -> paths.resolve("notes.txt"), "other files are files");
    }
}
