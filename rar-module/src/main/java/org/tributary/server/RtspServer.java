package org.tributary.server;

import org.tributary.rtsp.DecoderLimits;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The RTSP listening socket and one selector loop for every connection on it. {@link #bind()} runs in
 * {@code ResourceAdapter.start} so a port that is taken fails the deployment with a clear message;
 * {@link #run()} is the long-running loop; {@link #close()} ends it and closes every connection.
 */
public final class RtspServer implements Runnable, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RtspServer.class.getName());

    private volatile InetSocketAddress bindAddress;
    private volatile int maxConnections;
    private final RequestHandler handler;
    private final ControlExecutor requestExecutor;
    private final DecoderLimits limits;
    private final String serverHeader;
    private final ConnectionGuards guards;
    private final ThrottledLog throttledLog;
    /** What runs over each accepted socket: the socket itself, or TLS on the RTSPS port. */
    private final java.util.function.Function<SocketChannel, org.tributary.net.ByteLink> links;
    /** "RTSP" or "RTSPS", for log lines. */
    private final String protocol;
    private long lastDeadlineCheckNanos;

    private Selector selector;
    private volatile ServerSocketChannel listener;
    private volatile boolean running;

    private final Map<Long, RtspConnection> connections = new ConcurrentHashMap<>();
    private final Queue<Runnable> selectorTasks = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextConnectionId = new AtomicLong();
    private final AtomicLong totalConnections = new AtomicLong();
    private final AtomicLong requestsHandled = new AtomicLong();
    private volatile RequestMetrics metrics = new RequestMetrics();
    private final AtomicLong stalledClosed = new AtomicLong();
    private final Map<String, RtspConnection> tunnels = new ConcurrentHashMap<>();

    public RtspServer(InetSocketAddress bindAddress, int maxConnections, RequestHandler handler,
                      ControlExecutor requestExecutor, DecoderLimits limits, String serverHeader) {
        this(bindAddress, maxConnections, handler, requestExecutor, limits, serverHeader, ConnectionGuards.defaults());
    }

    public RtspServer(InetSocketAddress bindAddress, int maxConnections, RequestHandler handler,
                      ControlExecutor requestExecutor, DecoderLimits limits, String serverHeader, ConnectionGuards guards) {
        this(bindAddress, maxConnections, handler, requestExecutor, limits, serverHeader, guards,
                org.tributary.net.PlainLink::new, "RTSP");
    }

    /**
     * A server whose connections run over {@code links} (an RTSPS port: {@code TlsLink.server(channel, context)}).
     *
     * @param protocol "RTSP" or "RTSPS", for log lines
     */
    public RtspServer(InetSocketAddress bindAddress, int maxConnections, RequestHandler handler,
                      ControlExecutor requestExecutor, DecoderLimits limits, String serverHeader, ConnectionGuards guards,
                      java.util.function.Function<SocketChannel, org.tributary.net.ByteLink> links, String protocol) {
        this.links = links;
        this.protocol = protocol;
        this.guards = guards;
        this.bindAddress = bindAddress;
        this.maxConnections = maxConnections;
        this.handler = handler;
        this.requestExecutor = requestExecutor;
        this.limits = limits;
        this.serverHeader = serverHeader;
        this.throttledLog = new ThrottledLog(LOG, 60, guards.nanoClock());
        this.lastDeadlineCheckNanos = guards.nanoTime();
    }

    /** Opens the listening socket. */
    public void bind() throws IOException {
        bind(openListener(bindAddress));
    }

    /** Starts with a listening socket already opened by {@link #openListener}. */
    public void bind(ServerSocketChannel opened) throws IOException {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        listener = opened;
        listener.register(selector, SelectionKey.OP_ACCEPT);
        running = true;
        LOG.info(protocol + " listening on " + listener.getLocalAddress());
    }

    /**
     * A bound, non-blocking listening socket, for {@link #bind()} and for moving a running server to
     * another port: opening it first lets the caller find out that the port is taken before anything changes.
     */
    public static ServerSocketChannel openListener(InetSocketAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address, 256);
            channel.configureBlocking(false);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen for RTSP on " + address + ": " + e.getMessage(), e);
        }
    }

    /**
     * Accepts on {@code next} (from {@link #openListener}) instead of the current socket, which is closed;
     * null stops accepting. Connections already open are untouched: they live on the same selector, not on
     * the listener.
     *
     * @param address what {@code next} was opened on, as configured (a socket bound to the IPv4 wildcard
     *                reports "::" as its local address; status pages show what the administrator set);
     *                ignored when {@code next} is null
     */
    public void switchListener(ServerSocketChannel next, InetSocketAddress address) {
        java.util.concurrent.CountDownLatch switched = new java.util.concurrent.CountDownLatch(1);
        selectorTasks.add(() -> {
            ServerSocketChannel previous = listener;
            try {
                if (previous != null) {
                    SelectionKey key = previous.keyFor(selector);
                    if (key != null) {
                        key.cancel();
                    }
                    previous.close();
                    // A closed channel keeps its port until its key is flushed by a selection: flush it
                    // now, so that whoever waits for this switch can bind the port at once.
                    selector.selectNow();
                }
                listener = next;
                if (next != null) {
                    next.register(selector, SelectionKey.OP_ACCEPT);
                    bindAddress = address;
                    LOG.info("RTSP now listening on " + address);
                } else {
                    LOG.info("RTSP no longer accepting on " + bindAddress + "; open connections stay");
                }
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "could not switch the RTSP listener to " + address, e);
            } finally {
                switched.countDown();
            }
        });
        selector.wakeup();
        try {
            // Wait so that a status read right after a settings change shows the new port.
            switched.await(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The connection limit from now on; connections above a lowered limit stay open. */
    public void maxConnections(int max) {
        this.maxConnections = max;
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        try {
            return ((InetSocketAddress) listener.getLocalAddress()).getPort();
        } catch (IOException | NullPointerException e) {
            return -1;
        }
    }

    public String bindHost() {
        return bindAddress.getAddress().getHostAddress();
    }

    public int openConnections() {
        return connections.size();
    }

    public long totalConnections() {
        return totalConnections.get();
    }

    public long requestsHandled() {
        return requestsHandled.get();
    }

    String serverHeader() {
        return serverHeader;
    }

    @Override
    public void run() {
        Thread.currentThread().setName("tributary-rtsp-selector");
        while (running) {
            try {
                selector.select(1000);
                runSelectorTasks();
                for (SelectionKey key : selector.selectedKeys()) {
                    dispatch(key);
                }
                selector.selectedKeys().clear();
                checkDeadlinesOncePerSecond();
            } catch (ClosedSelectorException e) {
                break;
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.log(Level.SEVERE, "RTSP selector loop error; continuing", e);
                }
            }
        }
        LOG.fine("RTSP selector loop ended");
    }

    private void dispatch(SelectionKey key) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept((ServerSocketChannel) key.channel());
            return;
        }
        RtspConnection connection = (RtspConnection) key.attachment();
        if (key.isReadable() && !connection.onReadable() && key.isValid()) {
            key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
        }
        if (key.isValid() && key.isWritable() && connection.onWritable()) {
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
    }

    private void accept(ServerSocketChannel acceptor) throws IOException {
        SocketChannel channel;
        while ((channel = acceptor.accept()) != null) {
            if (connections.size() >= maxConnections) {
                throttledLog.log(Level.WARNING, "max-connections", "refusing connection from "
                        + channel.getRemoteAddress() + ": the limit of " + maxConnections
                        + " RTSP connections is reached (tributary.rtsp.max-connections)");
                refuseBusy(channel);
                continue;
            }
            java.net.InetAddress address = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
            int perAddress = guards.limits().maxPerAddress();
            if (!guards.perAddress().tryAcquire(address, perAddress)) {
                throttledLog.log(Level.WARNING, "per-address " + address.getHostAddress(), "refusing connections from "
                        + address.getHostAddress() + ": it already has " + perAddress
                        + " open (tributary.rtsp.max-connections-per-address); answering 503 and closing");
                refuseBusy(channel);
                continue;
            }
            RtspConnection connection;
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                connection = new RtspConnection(nextConnectionId.incrementAndGet(), channel, links.apply(channel), this,
                        handler, requestExecutor, limits, guards);
            } catch (IOException e) {
                guards.perAddress().release(address);
                channel.close();
                throw e;
            }
            connections.put(connection.id(), connection);
            totalConnections.incrementAndGet();
            channel.register(selector, SelectionKey.OP_READ, connection);
            LOG.fine(connection.logPrefix() + "opened");
        }
    }

    private void refuseBusy(SocketChannel channel) throws IOException {
        if (!"RTSP".equals(protocol)) {
            channel.close(); // a plain-text 503 means nothing to a TLS client
            return;
        }
        byte[] busy = Refusals.connectionRefused(serverHeader);
        try {
            channel.configureBlocking(false); // never wait for a client that does not read
            channel.write(java.nio.ByteBuffer.wrap(busy));
        } catch (IOException e) {
            LOG.fine("answering 503 failed: " + e.getMessage());
        } finally {
            channel.close();
        }
    }

    /** Request, idle and stall timeouts: one pass over the connections a second, on the selector thread. */
    private void checkDeadlinesOncePerSecond() {
        long now = guards.nanoTime();
        if (now - lastDeadlineCheckNanos < 1_000_000_000L) {
            return;
        }
        lastDeadlineCheckNanos = now;
        for (RtspConnection connection : connections.values()) {
            connection.checkDeadlines(now);
        }
    }

    /** Whether the handler has a live session on this connection (such a connection is never idle). */
    boolean carriesSession(RtspConnection connection) {
        return handler.carriesSession(connection);
    }

    /** Logs at most once per key a minute. */
    void logThrottled(Level level, String key, String message) {
        throttledLog.log(level, key, () -> message);
    }

    /** Logs at most once per key a minute; the message is only built when it is logged. */
    void logThrottled(Level level, String key, java.util.function.Supplier<String> message) {
        throttledLog.log(level, key, message);
    }

    ConnectionGuards guards() {
        return guards;
    }

    private void runSelectorTasks() {
        Runnable task;
        while ((task = selectorTasks.poll()) != null) {
            task.run();
        }
    }

    void requestWriteInterest(RtspConnection connection) {
        selectorTasks.add(() -> {
            SelectionKey key = connection.channel().keyFor(selector);
            if (key != null && key.isValid()) {
                key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
            }
        });
        selector.wakeup();
    }

    void requestClose(RtspConnection connection) {
        selectorTasks.add(connection::close);
        selector.wakeup();
    }

    void connectionClosed(RtspConnection connection) {
        if (connections.remove(connection.id()) != null) {
            guards.perAddress().release(connection.remoteAddress().getAddress());
        }
        if (connection.tunnelCookie() != null) {
            tunnels.remove(connection.tunnelCookie(), connection);
        }
        LOG.fine(connection.logPrefix() + "closed");
    }

    void stalledConnectionClosed() {
        stalledClosed.incrementAndGet();
    }

    /** Connections closed because their client stopped taking the output queued for it. */
    public long stalledConnectionsClosed() {
        return stalledClosed.get();
    }

    void requestAnswered() {
        requestsHandled.incrementAndGet();
    }

    /** Where this listener counts its answers for the metrics; one instance shared by every listener. */
    public void metrics(RequestMetrics metrics) {
        this.metrics = java.util.Objects.requireNonNull(metrics);
    }

    RequestMetrics metrics() {
        return metrics;
    }

    /** Remembers the GET half of an RTSP-over-HTTP tunnel under its cookie. */
    boolean registerTunnel(String cookie, RtspConnection getHalf) {
        return tunnels.putIfAbsent(cookie, getHalf) == null;
    }

    /** Whether the tunnel map holds its maximum (tributary.rtsp.max-tunnels): new GET halves get 503. */
    boolean tunnelsFull() {
        return tunnels.size() >= guards.limits().maxTunnels();
    }

    public int openTunnels() {
        return tunnels.size();
    }

    /** The GET half waiting for this cookie's POST half, or null. */
    RtspConnection tunnel(String cookie) {
        return tunnels.get(cookie);
    }

    /** Stops the loop and closes the listener and every connection. */
    @Override
    public void close() {
        running = false;
        try {
            ServerSocketChannel current = listener;
            if (current != null) {
                current.close();
            }
        } catch (IOException e) {
            LOG.fine("closing RTSP listener: " + e.getMessage());
        }
        for (RtspConnection connection : new ArrayList<>(connections.values())) {
            connection.close();
        }
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException e) {
                LOG.fine("closing selector: " + e.getMessage());
            }
        }
    }

    /** Connections open now, for status pages and kicking. */
    public List<RtspConnection> connections() {
        return new ArrayList<>(connections.values());
    }
}
