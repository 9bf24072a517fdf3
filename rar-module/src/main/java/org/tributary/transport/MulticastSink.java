package org.tributary.transport;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one stream to a multicast group once, however many receivers listen: track {@code i} goes to
 * the group's base port + 2i (RTP) and + 2i + 1 (RTCP), as an SDP with {@code c=IN IP4 group/ttl}
 * announces it. One sink per stream and group; its owner closes it.
 */
public final class MulticastSink implements AutoCloseable {

    private final InetSocketAddress group;
    private final int ttl;
    private final DatagramChannel socket;
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong packetsDropped = new AtomicLong();

    /**
     * @param group     the group address and the even base port
     * @param outgoing  the interface packets leave by, or null for the system's choice
     * @param ttl       the multicast time-to-live (hops), 0 to 255
     */
    public MulticastSink(InetSocketAddress group, NetworkInterface outgoing, int ttl) throws IOException {
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("multicast TTL " + ttl + " is not 0 to 255");
        }
        if (group.getPort() % 2 != 0 || group.getPort() == 0) {
            throw new IllegalArgumentException("the base port " + group.getPort() + " of a multicast group must be even");
        }
        this.group = group;
        this.ttl = ttl;
        socket = DatagramChannel.open(group.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            socket.setOption(StandardSocketOptions.IP_MULTICAST_TTL, ttl);
            socket.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true); // receivers on this host hear it too
            if (outgoing != null) {
                socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, outgoing);
            }
            socket.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    public InetSocketAddress group() {
        return group;
    }

    public int ttl() {
        return ttl;
    }

    /** The channel of one track: every packet sent through it goes to the group once. */
    public RtpChannel track(int index) {
        InetSocketAddress rtp = new InetSocketAddress(group.getAddress(), group.getPort() + 2 * index);
        InetSocketAddress rtcp = new InetSocketAddress(group.getAddress(), group.getPort() + 2 * index + 1);
        return new RtpChannel() {
            @Override
            public boolean sendRtp(ByteBuffer packet) {
                return send(packet, rtp);
            }

            @Override
            public boolean sendRtcp(ByteBuffer packet) {
                return send(packet, rtcp);
            }

            @Override
            public String kind() {
                return "multicast";
            }
        };
    }

    private boolean send(ByteBuffer packet, InetSocketAddress to) {
        try {
            if (socket.send(packet, to) > 0) {
                packetsSent.incrementAndGet();
                return true;
            }
        } catch (IOException e) {
            // an unreachable group or a full buffer: the packet is lost, like any UDP packet
        }
        packetsDropped.incrementAndGet();
        return false;
    }

    public long packetsSent() {
        return packetsSent.get();
    }

    public long packetsDropped() {
        return packetsDropped.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
