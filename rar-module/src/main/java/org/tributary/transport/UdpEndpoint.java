package org.tributary.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's UDP port pair, shared by every UDP client (as MediaMTX and Darwin's socket pools do):
 * RTP leaves from the even port, RTCP from the odd one. Receiver reports arriving on the RTCP port are
 * handed to whoever registered the sender's address; RTP arriving on the RTP port (a publisher's packets)
 * to whoever registered the sender's address or the packets' SSRC. {@link #run()} is the receive loop.
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
    private final java.util.List<RtpSender> rtpSenders = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ThreadLocal<RtpSender> senderSocket = new ThreadLocal<>();
    /** Sends from a thread without a socket of its own. */
    private final RtpSender sharedSender;
    private final Map<SocketAddress, RtcpListener> listeners = new ConcurrentHashMap<>();
    private final Map<SocketAddress, RtpListener> rtpBySender = new ConcurrentHashMap<>();
    private final Map<Long, RtpListener> rtpBySsrc = new ConcurrentHashMap<>();
    private volatile int maxRtpReceivers = DEFAULT_MAX_RTP_RECEIVERS;
    private final AtomicLong rtpReceived = new AtomicLong();
    private final AtomicLong rtpUnclaimed = new AtomicLong();
    /** Every RTP socket of the port is read: the kernel spreads arriving datagrams over a SO_REUSEPORT group. */
    private final Selector selector;
    private final Queue<DatagramChannel> toRegister = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    /** Registrations for incoming RTP at once, unless {@link #maxRtpReceivers(int)} says otherwise. */
    public static final int DEFAULT_MAX_RTP_RECEIVERS = 1024;

    /** Receives the RTP packets of one sender (position..limit, valid only during the call). */
    public interface RtpListener {
        void rtpReceived(ByteBuffer packet, InetSocketAddress from);
    }

    /** An incoming-RTP registration; closing it stops the delivery. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

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
            rtcp.configureBlocking(false);
        } catch (IOException e) {
            rtp.close();
            rtcp.close();
            throw new IOException("cannot bind the RTP/RTCP ports " + rtpPort + "/" + rtcpPort + " on "
                    + bindAddress.getHostAddress() + ": " + e.getMessage(), e);
        }
        selector = openSelector();
        sharedSender = new JdkRtpSender(rtp);
        toRegister.add(rtp);
        toRegister.add(rtcp);
    }

    private Selector openSelector() throws IOException {
        try {
            return Selector.open();
        } catch (IOException e) {
            rtp.close();
            rtcp.close();
            throw e;
        }
    }

    public int rtpPort() {
        return ((InetSocketAddress) socketAddress(rtp)).getPort();
    }

    /**
     * The RTP socket of the calling thread: a native one on a sender thread that batches its sends, else a JDK one
     * of its own when the platform allows several on one port, else the shared one.
     */
    private RtpSender rtpSocketForThisThread() {
        RtpSender mine = senderSocket.get();
        if (mine != null) {
            return mine;
        }
        mine = sharedSender;
        if (rtp.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
            try {
                mine = SendPath.current() instanceof EpollSenderIo io
                        ? io.open((InetSocketAddress) socketAddress(rtp), this::rtpArrived)
                        : new JdkRtpSender(extraJdkSocket());
                rtpSenders.add(mine);
            } catch (IOException e) {
                LOG.warning(Thread.currentThread().getName() + " shares the main RTP socket: " + e.getMessage());
            }
        }
        senderSocket.set(mine);
        return mine;
    }

    /** A JDK socket joining the RTP port's SO_REUSEPORT group, read by the receive loop. */
    private DatagramChannel extraJdkSocket() throws IOException {
        DatagramChannel extra = DatagramChannel.open();
        try {
            extra.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            extra.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            extra.setOption(StandardSocketOptions.SO_SNDBUF, 4 * 1024 * 1024);
            extra.bind(socketAddress(rtp));
            extra.configureBlocking(false);
        } catch (IOException e) {
            extra.close();
            throw e;
        }
        toRegister.add(extra);
        selector.wakeup();
        return extra;
    }

    /** One JDK socket: one {@code sendto} per packet. */
    private static final class JdkRtpSender implements RtpSender {
        private final DatagramChannel socket;

        JdkRtpSender(DatagramChannel socket) {
            this.socket = socket;
        }

        @Override
        public boolean send(ByteBuffer packet, InetSocketAddress to) {
            try {
                return socket.send(packet, to) > 0;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.fine("closing RTP socket: " + e.getMessage());
            }
        }
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

    /**
     * Hands the RTP arriving from {@code sender} to {@code listener}, until the registration is closed.
     *
     * @throws IllegalStateException when {@link #maxRtpReceivers()} registrations are open
     */
    public Registration receiveRtpFrom(InetSocketAddress sender, RtpListener listener) {
        return register(rtpBySender, sender, listener);
    }

    /**
     * Hands the RTP carrying {@code ssrc} to {@code listener} (when no registration for the sender's
     * address claims it: a client whose source port is not known in advance, e.g. behind NAT).
     *
     * @throws IllegalStateException when {@link #maxRtpReceivers()} registrations are open
     */
    public Registration receiveRtpWithSsrc(long ssrc, RtpListener listener) {
        return register(rtpBySsrc, ssrc & 0xFFFFFFFFL, listener);
    }

    private synchronized <K> Registration register(Map<K, RtpListener> map, K key, RtpListener listener) {
        if (rtpBySender.size() + rtpBySsrc.size() >= maxRtpReceivers) {
            throw new IllegalStateException("the limit of " + maxRtpReceivers + " incoming RTP streams is reached");
        }
        RtpListener own = listener::rtpReceived; // removed only by its own registration
        if (map.putIfAbsent(key, own) != null) {
            throw new IllegalStateException("incoming RTP from " + key + " is already taken");
        }
        return () -> map.remove(key, own);
    }

    public int maxRtpReceivers() {
        return maxRtpReceivers;
    }

    /** The number of incoming RTP registrations allowed from now on; open ones are kept. */
    public void maxRtpReceivers(int max) {
        this.maxRtpReceivers = max;
    }

    /** RTP packets handed to a registered listener so far. */
    public long rtpReceived() {
        return rtpReceived.get();
    }

    /** RTP packets that arrived for no registration (dropped). */
    public long rtpUnclaimed() {
        return rtpUnclaimed.get();
    }

    /** Whoever hears the RTCP arriving from this client address now, or null. */
    RtcpListener listenerFor(SocketAddress clientRtcp) {
        return listeners.get(clientRtcp);
    }

    /** The receive loop for RTP and RTCP (long-running work). */
    @Override
    public void run() {
        Thread.currentThread().setName("tributary-rtcp-receiver");
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (running) {
                for (DatagramChannel channel; (channel = toRegister.poll()) != null; ) {
                    channel.register(selector, SelectionKey.OP_READ);
                }
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    receiveAll((DatagramChannel) key.channel(), buffer);
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedChannelException | ClosedSelectorException e) {
            // closed: the loop ends
        } catch (IOException e) {
            if (running) {
                LOG.log(Level.WARNING, "the UDP receive loop failed", e);
            }
        }
    }

    /** Reads what one socket holds now; a bad packet or a failing listener does not end the loop. */
    private void receiveAll(DatagramChannel channel, ByteBuffer buffer) throws ClosedChannelException {
        while (running) {
            SocketAddress from;
            try {
                buffer.clear();
                from = channel.receive(buffer);
                if (from == null) {
                    return;
                }
                buffer.flip();
                if (channel == rtcp) {
                    RtcpListener listener = listenerFor(from);
                    if (listener != null) {
                        listener.rtcpReceived(buffer);
                    }
                } else {
                    rtpArrived(buffer, (InetSocketAddress) from);
                }
            } catch (ClosedChannelException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "UDP receive failed; continuing", e);
                return;
            }
        }
    }

    /** RTP read by any socket of the port's group (the receive loop's, or a sender thread's native one). */
    void rtpArrived(ByteBuffer packet, InetSocketAddress from) {
        RtpListener listener = rtpBySender.get(from);
        if (listener == null && packet.remaining() >= 12 && !rtpBySsrc.isEmpty()) {
            listener = rtpBySsrc.get(packet.getInt(packet.position() + 8) & 0xFFFFFFFFL);
        }
        if (listener == null) {
            rtpUnclaimed.incrementAndGet();
            return;
        }
        rtpReceived.incrementAndGet();
        listener.rtpReceived(packet, from);
    }

    @Override
    public void close() {
        running = false;
        try {
            selector.close();
        } catch (IOException e) {
            LOG.fine("closing the UDP selector: " + e.getMessage());
        }
        for (RtpSender extra : rtpSenders) {
            extra.close();
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

    private record SocketOfThread(Thread thread, RtpSender socket) {
    }

    private final class UdpRtpChannel implements RtpChannel {
        private final InetSocketAddress clientRtp;
        private final InetSocketAddress clientRtcp;
        private final RtcpListener listener;
        /**
         * The sending thread's socket, remembered: a playback stays on one sender thread, and a ThreadLocal
         * lookup per packet is costly on container threads (their thread-local maps are large).
         */
        private SocketOfThread lastSocket;

        UdpRtpChannel(InetSocketAddress clientRtp, InetSocketAddress clientRtcp, RtcpListener listener) {
            this.clientRtp = clientRtp;
            this.clientRtcp = clientRtcp;
            this.listener = listener;
        }

        @Override
        public boolean sendRtp(ByteBuffer packet) {
            Thread current = Thread.currentThread();
            SocketOfThread last = lastSocket;
            if (last == null || last.thread != current) {
                last = new SocketOfThread(current, rtpSocketForThisThread());
                lastSocket = last;
            }
            return last.socket.send(packet, clientRtp);
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
