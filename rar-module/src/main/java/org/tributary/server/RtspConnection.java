package org.tributary.server;

import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.InterleavedFrame;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspParseException;
import org.tributary.rtsp.RtspMessage;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's TCP connection. The selector thread feeds it bytes; complete requests are answered one at
 * a time, in order, on a worker thread (so a slow access decision never stalls the selector); responses
 * and interleaved packets are written without blocking, the rest queued until the socket drains.
 */
public final class RtspConnection implements org.tributary.transport.InterleavedWriter {

    private static final Logger LOG = Logger.getLogger(RtspConnection.class.getName());

    private final long id;
    private final SocketChannel channel;
    /** The bytes on {@link #channel}: the socket itself, or TLS over it on the RTSPS port. */
    private final org.tributary.net.ByteLink link;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final RtspServer server;
    private final RequestHandler handler;
    private final ControlExecutor executor;
    private final RtspDecoder decoder;
    private final DecoderLimits limits;
    private final String logPrefix;
    /** The throttled log's key for this client's packet drops, made once: drops come a packet at a time. */
    private final String dropLogKey;

    private ByteBuffer readBuffer = ByteBuffer.allocate(4096);
    /** A request waiting for its answer, with when it was read (for the SETUP latency the metrics show). */
    private record Queued(RtspRequest request, long arrivedNanos) {
    }

    private final Queue<Queued> pending = new ArrayDeque<>();
    private boolean processing;
    /** The client closed its side: answer what it already sent (often a TEARDOWN), then close. */
    private boolean inputEnded;
    private boolean closeAfterFlush;
    private volatile boolean closed;
    /** Set once a response takes over the connection (an HTTP MP3 stream): later input is read and dropped. */
    private volatile boolean discardInput;

    private final Queue<ByteBuffer> outbound = new ArrayDeque<>();
    /** Where responses go: this connection, or the GET half when this is the POST half of a tunnel. */
    private volatile RtspConnection responseTarget = this;
    /** Set on the POST half of a tunnel: what arrives is base64 text carrying RTSP requests. */
    private Base64Stream base64;
    private final java.util.Map<Integer, java.util.function.Consumer<byte[]>> channelReceivers =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String tunnelCookie;
    /** Set by an HTTP PUT or SOURCE (an Icecast source): what follows its head is an endless body, not requests. */
    private volatile StreamedBody streamedBody;
    private long outboundBytes;
    private final long maxOutboundBytes;
    private final ConnectionGuards guards;
    /** The POST half currently feeding this GET half of a tunnel, or null: one at a time. */
    private RtspConnection tunnelPost;

    // Deadlines, read once a second by the selector thread (times of the guards' clock).
    private final long connectedNanos;
    private volatile long lastActivityNanos;
    private volatile long lastOutputProgressNanos;
    /** When the first byte of a request not yet complete arrived, or -1. */
    private long requestStartedNanos = -1;
    private boolean receivedAny;

    RtspConnection(long id, SocketChannel channel, RtspServer server, RequestHandler handler, ControlExecutor executor,
                   DecoderLimits limits, ConnectionGuards guards) throws IOException {
        this(id, channel, new org.tributary.net.PlainLink(channel), server, handler, executor, limits, guards);
    }

    RtspConnection(long id, SocketChannel channel, org.tributary.net.ByteLink link, RtspServer server,
                   RequestHandler handler, ControlExecutor executor, DecoderLimits limits, ConnectionGuards guards)
            throws IOException {
        this.id = id;
        this.channel = channel;
        this.link = link;
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.server = server;
        this.handler = handler;
        this.executor = executor;
        this.limits = limits;
        this.decoder = new RtspDecoder(limits);
        this.guards = guards;
        this.maxOutboundBytes = guards.limits().maxQueuedBytes();
        this.connectedNanos = guards.nanoTime();
        this.lastActivityNanos = connectedNanos;
        this.lastOutputProgressNanos = connectedNanos;
        this.logPrefix = "[conn " + remote.getAddress().getHostAddress() + ":" + remote.getPort() + "] ";
        this.dropLogKey = "drop " + remote.getAddress().getHostAddress();
    }

    public long id() {
        return id;
    }

    public InetSocketAddress remoteAddress() {
        return remote;
    }

    public InetSocketAddress localAddress() {
        return local;
    }

    public String logPrefix() {
        return logPrefix;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Selector thread: bytes are readable. Returns false when reading must stop (the client closed). A TLS
     * link may decrypt more than one read takes: it is read until it holds nothing back.
     */
    boolean onReadable() {
        boolean more = readOnce();
        while (more && !closed && !closeAfterFlush && link.hasBufferedInput()) {
            more = readOnce();
        }
        if (!closed && link.hasPendingOutput()) {
            server.requestWriteInterest(this); // handshake records the socket did not take at once
        }
        return more;
    }

    private boolean readOnce() {
        try {
            if (!readBuffer.hasRemaining()) {
                growReadBuffer();
            }
            int n = link.read(readBuffer);
            if (n < 0) {
                synchronized (pending) {
                    inputEnded = true;
                    if (processing || !pending.isEmpty()) {
                        return false; // processPending closes once the last request is answered
                    }
                }
                close();
                return false;
            }
            if (n > 0) {
                lastActivityNanos = guards.nanoTime();
                receivedAny = true;
            }
            if (discardInput) {
                readBuffer.clear(); // still read, so a client closing its side is noticed
                return true;
            }
            if (streamedBody != null) {
                readBuffer.flip();
                streamedBody.accept(readBuffer);
                readBuffer.clear();
                return true;
            }
            readBuffer.flip();
            try {
                decodeAvailable();
            } finally {
                keepUnread(readBuffer);
            }
            if (streamedBody != null && readBuffer.position() > 0) {
                // The body bytes that came with the head.
                readBuffer.flip();
                streamedBody.accept(readBuffer);
                readBuffer.clear();
            }
            if (base64 != null && readBuffer.position() > 0) {
                // Everything after the POST head is base64: decode it and parse the requests inside.
                readBuffer.flip();
                base64.decode(readBuffer);
                readBuffer.clear();
                decodeTunnelled();
            }
            boolean partial = readBuffer.position() > 0 || decoder.inMessage()
                    || (base64 != null && base64.decoded().position() > 0);
            if (!partial) {
                requestStartedNanos = -1;
            } else if (requestStartedNanos < 0) {
                requestStartedNanos = lastActivityNanos;
            }
        } catch (RtspParseException e) {
            LOG.warning(logPrefix + "bad request: " + e.getMessage() + "; answering " + e.status().code() + " and closing");
            server.metrics().refusals().answered(e.status().code());
            send(Refusals.closing(e.status(), e.http()).header("Server", server.serverHeader()).encode());
            closeAfterFlush();
        } catch (javax.net.ssl.SSLException e) {
            server.logThrottled(Level.WARNING, "tls " + remote.getAddress().getHostAddress(), logPrefix
                    + "TLS failed (" + e.getMessage() + "): not a TLS client, or no protocol or cipher in common"
                    + " (TLS 1.2 and 1.3 only); closing");
            close();
            return false;
        } catch (IOException e) {
            LOG.fine(logPrefix + "read failed: " + e.getMessage());
            close();
        }
        return true;
    }

    /**
     * Back to write mode keeping the unread bytes. Moves them to the front only when something was consumed:
     * a head trickled in byte by byte is not copied again on every read.
     */
    private static void keepUnread(ByteBuffer buffer) {
        if (buffer.position() == 0) {
            buffer.position(buffer.limit()).limit(buffer.capacity());
        } else {
            buffer.compact();
        }
    }

    private void growReadBuffer() throws RtspParseException {
        int max = limits.maxHeaderBytes() + limits.maxBodyBytes() + 4;
        if (readBuffer.capacity() >= max) {
            throw new RtspParseException(RtspStatus.REQUEST_ENTITY_TOO_LARGE, "message larger than " + max + " bytes");
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.min(max, readBuffer.capacity() * 2));
        readBuffer.flip();
        bigger.put(readBuffer);
        readBuffer = bigger;
    }

    private void decodeAvailable() throws RtspParseException {
        RtspMessage message;
        while (base64 == null && streamedBody == null && !closeAfterFlush
                && (message = decoder.decode(readBuffer)) != null) {
            dispatch(message);
        }
    }

    private void decodeTunnelled() throws RtspParseException {
        ByteBuffer decoded = base64.decoded();
        decoded.flip();
        try {
            RtspMessage message;
            while (!closeAfterFlush && (message = decoder.decode(decoded)) != null) {
                dispatch(message);
            }
        } finally {
            keepUnread(decoded);
        }
    }

    private void dispatch(RtspMessage message) throws RtspParseException {
        if (message instanceof RtspResponse) {
            // Tributary never sends a request to a client, so a response here is as malformed as any other line.
            throw new RtspParseException(RtspStatus.BAD_REQUEST, "a response where a request was expected");
        } else if (message instanceof RtspRequest request) {
            if (request.method() == org.tributary.rtsp.RtspMethod.POST && request.version().startsWith("HTTP/")
                    && request.header("x-sessioncookie") != null) {
                // Switch at once: the bytes after this head are already base64.
                base64 = new Base64Stream(limits.maxHeaderBytes() + limits.maxBodyBytes());
                requestStartedNanos = -1;
            } else if (StreamedBody.startsWith(request)) {
                streamedBody = new StreamedBody();
                requestStartedNanos = -1;
            }
            enqueue(request);
        } else if (message instanceof InterleavedFrame frame) {
            java.util.function.Consumer<byte[]> receiver = channelReceivers.get(frame.channel());
            if (receiver != null) {
                receiver.accept(frame.payload());
            }
        }
    }

    /** Receives what the client sends on an interleaved channel (its RTCP receiver reports, a publisher's RTP). */
    public void onChannel(int channel, java.util.function.Consumer<byte[]> receiver) {
        channelReceivers.put(channel, receiver);
    }

    /** Whether something receives on an interleaved channel. */
    public boolean hasChannel(int channel) {
        return channelReceivers.containsKey(channel);
    }

    /** Frames on the channel are dropped from now on. */
    public void stopChannel(int channel) {
        channelReceivers.remove(channel);
    }

    /**
     * Any thread, once the handler accepted an HTTP PUT or SOURCE: the body bytes from now on (and those that
     * came before, up to {@link StreamedBody#MAX_HELD_BYTES}) go to {@code receiver} on the selector thread,
     * which must not block. Without this call they are held, then dropped.
     */
    public void receiveBody(java.util.function.Consumer<ByteBuffer> receiver) {
        StreamedBody body = streamedBody;
        if (body == null) {
            throw new IllegalStateException("no streamed body on this connection");
        }
        body.receiver(receiver);
    }

    /** Makes this (POST) connection answer through the tunnel's GET connection. */
    public void answerThrough(RtspConnection getHalf) {
        this.responseTarget = getHalf;
    }

    /** Whether this connection is RTSP over TLS. */
    boolean secure() {
        return link.secure();
    }

    /** The connection responses and interleaved packets for this client go to. */
    public RtspConnection responseTarget() {
        return responseTarget;
    }

    public void tunnelCookie(String cookie) {
        this.tunnelCookie = cookie;
    }

    public String tunnelCookie() {
        return tunnelCookie;
    }

    /**
     * On the GET half: makes {@code post} the POST half feeding it, unless another POST half is still open
     * (QuickTime opens a new POST only after closing the old one).
     */
    synchronized boolean acceptTunnelPost(RtspConnection post) {
        if (tunnelPost != null && !tunnelPost.isClosed() && tunnelPost != post) {
            return false;
        }
        tunnelPost = post;
        return true;
    }

    /**
     * This connection answers no further request: what the client sends from now on is read and dropped,
     * and requests already waiting are forgotten (an HTTP response body is being streamed on it).
     */
    public void stopReading() {
        synchronized (pending) {
            discardInput = true;
            pending.clear();
        }
    }

    private void enqueue(RtspRequest request) {
        synchronized (pending) {
            if (discardInput) {
                return;
            }
            if (pending.size() >= 32) {
                LOG.warning(logPrefix + "more than 32 pipelined requests waiting; closing");
                close();
                return;
            }
            pending.add(new Queued(request, guards.nanoTime()));
            if (processing) {
                return;
            }
            processing = true;
        }
        startProcessing();
    }

    /** Hands the queued requests to a control thread; when the control queue is full, answers 503 and closes. */
    private void startProcessing() {
        try {
            executor.execute(this::processPending);
        } catch (RejectedExecutionException e) {
            RtspRequest head;
            synchronized (pending) {
                Queued first = pending.peek();
                head = first == null ? null : first.request();
                pending.clear();
                processing = false;
            }
            LOG.warning(logPrefix + "cannot answer " + (head == null ? "the next request" : head.methodToken()) + ": "
                    + e.getMessage() + "; answering 503 and closing");
            deliver(Reply.of(errorAnswer(head, RtspStatus.SERVICE_UNAVAILABLE)), null, 0);
            closeAfterFlush();
        }
    }

    /** Control thread: answers queued requests in order until none is left or an answer is held back. */
    private void processPending() {
        try {
            while (true) {
                Queued queued;
                synchronized (pending) {
                    queued = pending.poll();
                    if (queued == null || closed) {
                        processing = false;
                        if (!inputEnded || closed) {
                            return;
                        }
                    }
                }
                if (queued == null) {
                    close();
                    return;
                }
                RtspRequest request = queued.request();
                Reply reply = answer(request);
                server.requestAnswered();
                if (reply.response() == null) {
                    continue;
                }
                if (reply.holdBackMillis() > 0) {
                    // A slowed 401: the timer sends it later and only then are later requests answered, so
                    // the connection keeps its order and no thread waits meanwhile ('processing' stays set).
                    executor.executeLater(reply.holdBackMillis(), () -> sendLaterAndGoOn(reply));
                    return;
                }
                deliver(reply, request, queued.arrivedNanos());
            }
        } catch (Throwable t) { // never leave the connection waiting on a request nobody answers
            LOG.log(Level.SEVERE, logPrefix + "failed while answering requests; closing", t);
            close();
        }
    }

    private Reply answer(RtspRequest request) {
        try {
            return handler.handle(request, this);
        } catch (Throwable t) { // an Error too (OutOfMemoryError, StackOverflowError, LinkageError)
            LOG.log(Level.SEVERE, logPrefix + "failed to answer " + request.methodToken() + " " + request.uri()
                    + ": " + t + "; answering 500 and closing", t);
            return Reply.of(errorAnswer(request, RtspStatus.INTERNAL_SERVER_ERROR)).then(() -> {
                stopReading();
                closeAfterFlush();
            });
        }
    }

    private void sendLaterAndGoOn(Reply reply) {
        try {
            deliver(reply, null, 0);
            startProcessing();
        } catch (Throwable t) {
            LOG.log(Level.SEVERE, logPrefix + "failed to send a held-back answer; closing", t);
            close();
        }
    }

    /**
     * Counts an answer for the metrics (an error status as a refusal, a SETUP's time since its request arrived;
     * {@code request} null: not timed, a held-back or a fallback answer), then queues it.
     */
    private void deliver(Reply reply, RtspRequest request, long arrivedNanos) {
        RtspResponse response = reply.response();
        if (!response.headers().contains("Server")) {
            response.header("Server", server.serverHeader());
        }
        server.metrics().refusals().answered(response.code());
        if (request != null && "SETUP".equals(request.methodToken())) {
            server.metrics().setups().record(guards.nanoTime() - arrivedNanos);
        }
        responseTarget.send(response.encode());
        if (reply.afterSent() != null) {
            reply.afterSent().run();
        }
    }

    /** An error status for {@code request} (null: unknown), with an HTTP status line for an HTTP request. */
    private static RtspResponse errorAnswer(RtspRequest request, RtspStatus status) {
        RtspResponse response = new RtspResponse(status).header("Connection", "close");
        if (request != null && request.version().startsWith("HTTP/")) {
            return response.asHttp();
        }
        if (request != null && request.cseq() != null) {
            response.header("CSeq", request.cseq());
        }
        return response;
    }

    /** Any thread: queues bytes for the client without blocking. Returns false if the queue is full. */
    public boolean send(byte[] bytes) {
        return send(ByteBuffer.wrap(bytes));
    }

    public boolean send(ByteBuffer bytes) {
        return send(bytes, false);
    }

    /**
     * Any thread: queues a media packet (interleaved RTP/RTCP) for the client without blocking, or drops it
     * and returns false when this connection's queue or the adapter's output budget is full.
     */
    public boolean sendMedia(ByteBuffer packet) {
        if (send(packet, true)) {
            return true;
        }
        if (!closed) {
            server.logThrottled(Level.WARNING, dropLogKey,
                    () -> logPrefix + "dropping interleaved packets: the client reads too slowly (" + pendingBytes()
                            + " bytes queued, at most " + maxOutboundBytes
                            + " (tributary.rtsp.max-queued-bytes-per-connection); all connections " + guards.output().queuedBytes()
                            + " of " + guards.output().capBytes() + " bytes (tributary.rtsp.max-queued-percent-of-heap))");
        }
        return false;
    }

    private boolean send(ByteBuffer bytes, boolean media) {
        synchronized (outbound) {
            if (closed) {
                return false;
            }
            if (outboundBytes + bytes.remaining() > maxOutboundBytes) {
                return false;
            }
            if (outbound.isEmpty()) {
                int before = bytes.remaining();
                try {
                    link.write(bytes);
                } catch (IOException e) {
                    LOG.fine(logPrefix + "write failed: " + e.getMessage());
                    closeQuietlyLater();
                    return false;
                }
                if (bytes.remaining() < before) {
                    lastActivityNanos = guards.nanoTime();
                }
                if (!bytes.hasRemaining()) {
                    if (link.hasPendingOutput()) {
                        server.requestWriteInterest(this); // the TLS records of these bytes wait for the socket
                    }
                    return true;
                }
                lastOutputProgressNanos = guards.nanoTime();
            }
            int size = bytes.remaining();
            if (!media) {
                guards.output().reserve(size);
            } else if (!guards.output().tryReserve(size)) {
                return false;
            }
            ByteBuffer copy = ByteBuffer.allocate(size);
            copy.put(bytes).flip();
            outbound.add(copy);
            outboundBytes += size;
        }
        server.requestWriteInterest(this);
        return true;
    }

    /** Selector thread: the socket can take more bytes. Returns true when everything queued is written. */
    boolean onWritable() {
        synchronized (outbound) {
            try {
                if (!link.flush()) {
                    return false;
                }
                while (!outbound.isEmpty()) {
                    ByteBuffer head = outbound.peek();
                    int before = head.remaining();
                    link.write(head);
                    int written = before - head.remaining();
                    if (written > 0) {
                        outboundBytes -= written;
                        guards.output().release(written);
                        lastOutputProgressNanos = guards.nanoTime();
                        lastActivityNanos = lastOutputProgressNanos;
                    }
                    if (head.hasRemaining()) {
                        return false;
                    }
                    outbound.poll();
                }
                if (!link.flush()) {
                    return false;
                }
            } catch (IOException e) {
                LOG.fine(logPrefix + "write failed: " + e.getMessage());
                closeQuietlyLater();
                return true;
            }
        }
        if (closeAfterFlush) {
            close();
        }
        return true;
    }

    /** Bytes queued for the client and not yet taken by the socket (how far a slow reader is behind). */
    public long pendingBytes() {
        synchronized (outbound) {
            return outboundBytes;
        }
    }

    boolean hasPendingWrites() {
        synchronized (outbound) {
            return !outbound.isEmpty() || link.hasPendingOutput();
        }
    }

    /** Closes once everything queued has been written (used after an error response). */
    public void closeAfterFlush() {
        closeAfterFlush = true;
        if (!hasPendingWrites()) {
            close();
        } else {
            server.requestWriteInterest(this);
        }
    }

    private void closeQuietlyLater() {
        server.requestClose(this);
    }

    /** Closes the socket now and tells the handler. Safe to call more than once, from any thread. */
    public void close() {
        synchronized (outbound) {
            if (closed) {
                return;
            }
            closed = true;
            outbound.clear();
            guards.output().release(outboundBytes);
            outboundBytes = 0;
        }
        try {
            link.close();
        } catch (IOException e) {
            LOG.fine(logPrefix + "close failed: " + e.getMessage());
        }
        server.connectionClosed(this);
        handler.connectionClosed(this);
    }

    /**
     * Selector thread, once a second: closes this connection if a request takes too long to arrive, if it
     * has been idle without a session, or if the client has taken none of its queued output for too long.
     */
    void checkDeadlines(long now) {
        if (closed) {
            return;
        }
        ConnectionLimits limits = guards.limits();
        if (hasPendingWrites()) {
            // An HTTP MP3 stream (discardInput) pauses at its own high-water mark and drops its stalled listener;
            // an error answer waiting to be flushed before the close (closeAfterFlush) is ours to time out.
            if ((!discardInput || closeAfterFlush) && now - lastOutputProgressNanos > seconds(limits.stallSeconds())) {
                server.logThrottled(Level.WARNING, "stall " + remote.getAddress().getHostAddress(), logPrefix
                        + "the client took none of its " + pendingBytes() + " queued bytes for " + limits.stallSeconds()
                        + " s (tributary.rtsp.stall-seconds); closing");
                server.stalledConnectionClosed();
                close();
            }
            return;
        }
        synchronized (pending) {
            if (discardInput || processing || !pending.isEmpty()) {
                return; // streaming an HTTP answer, or a request is being answered: not idle
            }
        }
        long requestStart = requestStartedNanos >= 0 ? requestStartedNanos : receivedAny ? -1 : connectedNanos;
        if (requestStart >= 0) {
            if (now - requestStart > seconds(limits.requestTimeoutSeconds())) {
                timeOutRequest(limits.requestTimeoutSeconds());
            }
            return;
        }
        if (now - lastActivityNanos > seconds(limits.idleTimeoutSeconds())) {
            if (server.carriesSession(this)) {
                lastActivityNanos = now;
                return;
            }
            server.logThrottled(Level.INFO, "idle " + remote.getAddress().getHostAddress(), logPrefix
                    + "idle for " + limits.idleTimeoutSeconds() + " s without a session"
                    + " (tributary.rtsp.idle-timeout-seconds); closing");
            close();
        }
    }

    private void timeOutRequest(int timeoutSeconds) {
        if (!link.established()) {
            server.logThrottled(Level.WARNING, "tls-timeout " + remote.getAddress().getHostAddress(), logPrefix
                    + "TLS handshake not finished " + timeoutSeconds + " s after connecting"
                    + " (tributary.rtsp.request-timeout-seconds); closing");
            close(); // a 408 could only be sent inside the TLS connection that never came to be
            return;
        }
        server.logThrottled(Level.WARNING, (receivedAny ? "request-timeout " : "silent ")
                + remote.getAddress().getHostAddress(), logPrefix
                + (receivedAny ? "request not complete " : "nothing received ") + timeoutSeconds
                + " s after " + (receivedAny ? "its first byte" : "connecting")
                + " (tributary.rtsp.request-timeout-seconds); answering 408 and closing");
        stopReading();
        server.metrics().refusals().answered(RtspStatus.REQUEST_TIMEOUT.code());
        send(Refusals.closing(RtspStatus.REQUEST_TIMEOUT, false).header("Server", server.serverHeader()).encode());
        closeAfterFlush();
    }

    private static long seconds(int seconds) {
        return seconds * 1_000_000_000L;
    }

    SocketChannel channel() {
        return channel;
    }

    RtspServer server() {
        return server;
    }
}
