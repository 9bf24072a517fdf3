package org.tributary.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A stream's packets go to the group once and every member hears them: two receivers joined on the
 * loopback interface (multicast on lo works when the sender picks it as outgoing interface).
 */
class MulticastSinkTest {

    private static final InetAddress GROUP = address("239.255.77.1");
    private final List<AutoCloseable> open = new ArrayList<>();
    private final NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getByName("127.0.0.1"));

    MulticastSinkTest() throws Exception {
    }

    private static InetAddress address(String name) {
        try {
            return InetAddress.getByName(name);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** A member of the group on the given port, or on a free port when 0. */
    private DatagramChannel member(int port) throws Exception {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        open.add(channel);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.bind(new InetSocketAddress(port));
        channel.join(GROUP, loopback);
        return channel;
    }

    private static byte[] receive(DatagramChannel channel) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        long deadline = System.nanoTime() + 10_000_000_000L;
        channel.configureBlocking(false);
        while (channel.receive(buffer) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing arrived from the group");
            }
            Thread.sleep(5);
        }
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static int freeEvenPortPair() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramChannel probe = DatagramChannel.open()) {
                probe.bind(new InetSocketAddress(0));
                int port = ((InetSocketAddress) probe.getLocalAddress()).getPort() & ~1;
                if (port > 1024 && port < 65530) {
                    return port;
                }
            }
        }
        throw new IllegalStateException("no free port");
    }

    @Test
    void everyMemberHearsEachPacketSentOnceAndTracksUseTheirOwnPorts() throws Exception {
        int base = freeEvenPortPair();
        DatagramChannel first = member(base);
        DatagramChannel second = member(base);
        DatagramChannel rtcpOfTrack1 = member(base + 3);
        MulticastSink sink = new MulticastSink(new InetSocketAddress(GROUP, base), loopback, 1);
        open.add(sink);
        RtpChannel video = sink.track(0);
        RtpChannel audio = sink.track(1);
        video.sendRtp(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        audio.sendRtcp(ByteBuffer.wrap(new byte[] {9}));
        assertArrayEquals(new byte[] {1, 2, 3}, receive(first));
        assertArrayEquals(new byte[] {1, 2, 3}, receive(second));
        assertArrayEquals(new byte[] {9}, receive(rtcpOfTrack1));
        assertEquals(2, sink.packetsSent(), "sent once, heard by each member");
        assertEquals("multicast", video.kind());
    }

    @Test
    void theTtlIsConfigurableAndChecked() throws Exception {
        MulticastSink sink = new MulticastSink(new InetSocketAddress(GROUP, 40000), loopback, 16);
        open.add(sink);
        assertEquals(16, sink.ttl());
        assertThrows(IllegalArgumentException.class, () -> new MulticastSink(new InetSocketAddress(GROUP, 40000), null, 256));
        assertThrows(IllegalArgumentException.class, () -> new MulticastSink(new InetSocketAddress(GROUP, 40001), null, 1));
    }
}
