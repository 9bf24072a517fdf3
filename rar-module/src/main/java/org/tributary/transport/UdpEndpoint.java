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
    private final Map<SocketAddress, RtcpListener> listeners = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public UdpEndpoint(InetAddress bindAddress, int rtpPort, int rtcpPort) throws IOException {
        rtp = DatagramChannel.open();
        rtcp = DatagramChannel.open();
        try {
            rtp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
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
     * {@code listener} until the channel is closed.
     */
    public RtpChannel channelTo(InetSocketAddress clientRtp, InetSocketAddress clientRtcp, RtcpListener listener) {
        listeners.put(clientRtcp, listener);
        return new UdpRtpChannel(clientRtp, clientRtcp);
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
                RtcpListener listener = listeners.get(from);
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

        UdpRtpChannel(InetSocketAddress clientRtp, InetSocketAddress clientRtcp) {
            this.clientRtp = clientRtp;
            this.clientRtcp = clientRtcp;
        }

        @Override
        public boolean sendRtp(ByteBuffer packet) {
            try {
                return rtp.send(packet, clientRtp) > 0;
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
            listeners.remove(clientRtcp);
        }
    }
}
