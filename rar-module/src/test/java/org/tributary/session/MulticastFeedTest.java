package org.tributary.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tributary.engine.Playback;
import org.tributary.rtp.RtpHeader;
import org.tributary.source.SourceTrack;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;
import org.tributary.stream.StreamSource;
import org.tributary.transport.MulticastSink;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A stream sent to a multicast group once: two members on loopback hear the same packets, with the feed's
 * SSRC and numbering, and the sink sent each packet once.
 */
class MulticastFeedTest {

    private static final List<SourceTrack> TRACKS =
            List.of(new SourceTrack(0, "audio", 97, 48000, "OPUS", 0, List.of("rtpmap:97 opus/48000/2")));

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Stream stream = new Stream("radio", TRACKS, StreamLimits.DEFAULT, nanos::get);
    private final List<AutoCloseable> open = new ArrayList<>();
    private final InetAddress group = InetAddress.getByName("239.255.77.2");
    private final NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getByName("127.0.0.1"));

    MulticastFeedTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private DatagramChannel member(int port) throws Exception {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        open.add(channel);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.bind(new InetSocketAddress(port));
        channel.join(group, loopback);
        channel.configureBlocking(false);
        return channel;
    }

    private static RtpHeader receive(DatagramChannel channel, ByteBuffer buffer) throws Exception {
        buffer.clear();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (channel.receive(buffer) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing arrived from the group");
            }
            Thread.sleep(5);
        }
        buffer.flip();
        return RtpHeader.parse(buffer);
    }

    @Test
    void everyMemberHearsTheStreamFromOneWriter() throws Exception {
        int base;
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress(0));
            base = ((InetSocketAddress) probe.getLocalAddress()).getPort() & ~1;
        }
        DatagramChannel first = member(base);
        DatagramChannel second = member(base);
        MulticastSink sink = new MulticastSink(new InetSocketAddress(group, base), loopback, 1);
        open.add(sink);
        MulticastFeed feed = new MulticastFeed(new StreamSource(stream), sink, "radio@test", nanos.get());
        open.add(feed);
        for (int i = 0; i < 3; i++) {
            stream.write(0, ByteBuffer.wrap(new byte[] {(byte) i}), false, 960L * i, 97, false);
        }
        feed.pump(nanos.get());
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        for (DatagramChannel member : List.of(first, second)) {
            for (int i = 0; i < 3; i++) {
                RtpHeader header = receive(member, buffer);
                assertEquals(feed.output(0).ssrc(), header.ssrc());
                assertEquals(i, buffer.get(header.payloadOffset()));
            }
        }
        assertEquals(3, sink.packetsSent(), "each packet sent once for both members");
        feed.close();
        assertEquals(Playback.DONE, feed.pump(nanos.get()));
        assertEquals(0, stream.readerCount(), "a closed feed leaves the stream");
    }
}
