package org.tributary.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * UDP ports opened on demand to receive RTP that is not addressed to the server's own RTP port: the ports
 * an {@code .sdp} file names for a live source, unicast or a multicast group joined here. One receive loop
 * (long-running work) reads them all; each port hands its datagrams to its own listener.
 */
public final class UdpReceivers implements Runnable, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UdpReceivers.class.getName());

    /** Gets the datagrams of one port (position..limit, valid only during the call). */
    @FunctionalInterface
    public interface Listener {
        void received(ByteBuffer datagram, InetSocketAddress from);
    }

    private final Selector selector;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final Map<DatagramChannel, Listener> listeners = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public UdpReceivers() throws IOException {
        this.selector = Selector.open();
    }

    /**
     * Receives on {@code port} of {@code bindAddress}, joining {@code group} first when it is a multicast
     * address, until the returned registration is closed.
     *
     * @param networkInterface the interface to join the group on, or null for the system's choice
     * @throws IOException when the port cannot be bound (in use, not allowed) or the group not joined
     */
    public UdpEndpoint.Registration open(InetAddress bindAddress, int port, InetAddress group,
                                         NetworkInterface networkInterface, Listener listener) throws IOException {
        boolean multicast = group != null && group.isMulticastAddress();
        DatagramChannel channel = DatagramChannel.open(group instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, multicast);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            channel.bind(new InetSocketAddress(multicast ? null : bindAddress, port));
            MembershipKey membership = null;
            if (multicast) {
                NetworkInterface nif = networkInterface != null ? networkInterface
                        : channel.getOption(StandardSocketOptions.IP_MULTICAST_IF);
                if (nif == null) {
                    nif = routeInterface(group);
                }
                if (nif == null) {
                    nif = NetworkInterface.networkInterfaces().filter(UdpReceivers::multicastCapable).findFirst()
                            .orElseThrow(() -> new IOException("no network interface can join " + group.getHostAddress()));
                }
                membership = channel.join(group, nif);
            }
            channel.configureBlocking(false);
            listeners.put(channel, listener);
            pending.add(() -> {
                try {
                    channel.register(selector, SelectionKey.OP_READ);
                } catch (ClosedChannelException e) {
                    listeners.remove(channel);
                }
            });
            selector.wakeup();
            MembershipKey joined = membership;
            return () -> {
                listeners.remove(channel);
                if (joined != null) {
                    joined.drop();
                }
                try {
                    channel.close();
                } catch (IOException e) {
                    LOG.fine("closing UDP port " + port + ": " + e.getMessage());
                }
                selector.wakeup(); // the socket is released when the loop deregisters its key
            };
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The interface the system's route to {@code group} leaves by (where a sender on this host sends it): a
     * UDP socket connected to the group learns its source address from the route. Null when there is none.
     */
    private static NetworkInterface routeInterface(InetAddress group) {
        try (DatagramChannel probe = DatagramChannel.open(group instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET)) {
            probe.connect(new InetSocketAddress(group, 9));
            InetAddress source = ((InetSocketAddress) probe.getLocalAddress()).getAddress();
            NetworkInterface nif = source.isAnyLocalAddress() ? null : NetworkInterface.getByInetAddress(source);
            return nif != null && multicastCapable(nif) ? nif : null;
        } catch (IOException | RuntimeException e) {
            return null; // no route: the first capable interface is tried
        }
    }

    private static boolean multicastCapable(NetworkInterface nif) {
        try {
            return nif.isUp() && nif.supportsMulticast();
        } catch (IOException e) {
            return false;
        }
    }

    /** Ports open now. */
    public int openPorts() {
        return listeners.size();
    }

    /** The receive loop (long-running work). */
    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (running) {
                for (Runnable task; (task = pending.poll()) != null; ) {
                    task.run();
                }
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    receiveAll((DatagramChannel) key.channel(), buffer);
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException e) {
            // closed: the loop ends
        } catch (IOException e) {
            if (running) {
                LOG.log(Level.WARNING, "the UDP receive loop of live sources failed", e);
            }
        }
    }

    private void receiveAll(DatagramChannel channel, ByteBuffer buffer) {
        Listener listener = listeners.get(channel);
        while (running && listener != null) {
            try {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                if (from == null) {
                    return;
                }
                buffer.flip();
                listener.received(buffer, (InetSocketAddress) from);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "UDP receive failed; continuing", e);
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (DatagramChannel channel : listeners.keySet()) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.fine("closing a live source port: " + e.getMessage());
            }
        }
        listeners.clear();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.fine("closing the live source selector: " + e.getMessage());
        }
    }
}
