package org.tributary.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's UDP port pair, shared by every UDP client (as MediaMTX and Darwin's socket pools do):
 * RTP leaves from the even port, RTCP from the odd one, and receiver reports arriving on the RTCP port
 * are handed to whoever registered the sender's address. {@link #run()} is the receive loop.
 */
public final class UdpEndpoint implements Runnable, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UdpEndpoint.class.getName());

    /** Receives RTCP from one client address. */
    public interface RtcpListener {
        void rtcpReceived(ByteBuffer packet);
    }

    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    /**
     * Extra RTP sockets on the same port (SO_REUSEPORT), one per sending thread: a DatagramChannel
     * serializes its senders on a lock, so sender threads sharing one socket would take turns.
     */
    private final java.util.List<DatagramChannel> rtpSenders = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ThreadLocal<DatagramChannel> senderSocket = new ThreadLocal<>();
    private final Map<SocketAddress, RtcpListener> listeners = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public UdpEndpoint(InetAddress bindAddress, int rtpPort, int rtcpPort) throws IOException {
        rtp = DatagramChannel.open();
        rtcp = DatagramChannel.open();
        try {
            rtp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (rtp.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                rtp.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            rtp.setOption(StandardSocketOptions.SO_SNDBUF, 4 * 1024 * 1024);
            rtp.bind(new InetSocketAddress(bindAddress, rtpPort));
            rtp.configureBlocking(false);
            rtcp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            rtcp.bind(new InetSocketAddress(bindAddress, rtcpPort));
        } catch (IOException e) {
            rtp.close();
            rtcp.close();
            throw new IOException("cannot bind the RTP/RTCP ports " + rtpPort + "/" + rtcpPort + " on "
                    + bindAddress.getHostAddress() + ": " + e.getMessage(), e);
        }
    }

    public int rtpPort() {
        return ((InetSocketAddress) socketAddress(rtp)).getPort();
    }

    /** The RTP socket of the calling thread: its own when the platform allows several on one port. */
    private DatagramChannel rtpSocketForThisThread() {
        DatagramChannel mine = senderSocket.get();
        if (mine != null) {
            return mine;
        }
        mine = rtp;
        if (rtp.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
            try {
                DatagramChannel extra = DatagramChannel.open();
                extra.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                extra.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                extra.setOption(StandardSocketOptions.SO_SNDBUF, 4 * 1024 * 1024);
                extra.bind(socketAddress(rtp));
                extra.configureBlocking(false);
                rtpSenders.add(extra);
                mine = extra;
            } catch (IOException e) {
                LOG.fine("no per-thread RTP socket (" + e.getMessage() + "); sharing the main one");
            }
        }
        senderSocket.set(mine);
        return mine;
    }

    public int rtcpPort() {
        return ((InetSocketAddress) socketAddress(rtcp)).getPort();
    }

    private static SocketAddress socketAddress(DatagramChannel channel) {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A channel sending to a client's RTP/RTCP ports; RTCP from the client's RTCP port goes to
     * {@code listener} until the channel is closed or a later channel to the same port takes it over
     * (a client repeating SETUP for a track, or a new session reusing the port: the latest one hears it).
     */
    public RtpChannel channelTo(InetSocketAddress clientRtp, InetSocketAddress clientRtcp, RtcpListener listener) {
        RtcpListener own = listener::rtcpReceived; // a registration of its own, removed only by its channel
        listeners.put(clientRtcp, own);
        return new UdpRtpChannel(clientRtp, clientRtcp, own);
    }

    /** Whoever hears the RTCP arriving from this client address now, or null. */
    RtcpListener listenerFor(SocketAddress clientRtcp) {
        return listeners.get(clientRtcp);
    }

    /** The RTCP receive loop (long-running work). */
    @Override
    public void run() {
        Thread.currentThread().setName("tributary-rtcp-receiver");
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (running) {
            try {
                buffer.clear();
                SocketAddress from = rtcp.receive(buffer);
                buffer.flip();
                RtcpListener listener = listenerFor(from);
                if (listener != null) {
                    listener.rtcpReceived(buffer);
                }
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.log(Level.FINE, "RTCP receive failed; continuing", e);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (DatagramChannel extra : rtpSenders) {
            try {
                extra.close();
            } catch (IOException e) {
                LOG.fine("closing RTP socket: " + e.getMessage());
            }
        }
        try {
            rtp.close();
        } catch (IOException e) {
            LOG.fine("closing RTP socket: " + e.getMessage());
        }
        try {
            rtcp.close();
        } catch (IOException e) {
            LOG.fine("closing RTCP socket: " + e.getMessage());
        }
    }

    private final class UdpRtpChannel implements RtpChannel {
        private final InetSocketAddress clientRtp;
        private final InetSocketAddress clientRtcp;
        private final RtcpListener listener;

        UdpRtpChannel(InetSocketAddress clientRtp, InetSocketAddress clientRtcp, RtcpListener listener) {
            this.clientRtp = clientRtp;
            this.clientRtcp = clientRtcp;
            this.listener = listener;
        }

        @Override
        public boolean sendRtp(ByteBuffer packet) {
            try {
                return rtpSocketForThisThread().send(packet, clientRtp) > 0;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public boolean sendRtcp(ByteBuffer packet) {
            try {
                return rtcp.send(packet, clientRtcp) > 0;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String kind() {
            return "udp";
        }

        @Override
        public void close() {
            listeners.remove(clientRtcp, listener); // not a later channel's registration for the same port
        }
    }
}
