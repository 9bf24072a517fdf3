package org.tributary.server;

import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.InterleavedFrame;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspParseException;
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
public final class RtspConnection {

    private static final Logger LOG = Logger.getLogger(RtspConnection.class.getName());

    private final long id;
    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final RtspServer server;
    private final RequestHandler handler;
    private final ControlExecutor executor;
    private final RtspDecoder decoder;
    private final DecoderLimits limits;
    private final String logPrefix;

    private ByteBuffer readBuffer = ByteBuffer.allocate(4096);
    private final Queue<RtspRequest> pending = new ArrayDeque<>();
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
    private long outboundBytes;
    private final long maxOutboundBytes;

    RtspConnection(long id, SocketChannel channel, RtspServer server, RequestHandler handler, ControlExecutor executor,
                   DecoderLimits limits, long maxOutboundBytes) throws IOException {
        this.id = id;
        this.channel = channel;
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.server = server;
        this.handler = handler;
        this.executor = executor;
        this.limits = limits;
        this.decoder = new RtspDecoder(limits);
        this.maxOutboundBytes = maxOutboundBytes;
        this.logPrefix = "[conn " + remote.getAddress().getHostAddress() + ":" + remote.getPort() + "] ";
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

    /** Selector thread: bytes are readable. Returns false when reading must stop (the client closed). */
    boolean onReadable() {
        try {
            if (!readBuffer.hasRemaining()) {
                growReadBuffer();
            }
            int n = channel.read(readBuffer);
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
            if (discardInput) {
                readBuffer.clear(); // still read, so a client closing its side is noticed
                return true;
            }
            readBuffer.flip();
            try {
                decodeAvailable();
            } finally {
                readBuffer.compact();
            }
            if (base64 != null && readBuffer.position() > 0) {
                // Everything after the POST head is base64: decode it and parse the requests inside.
                readBuffer.flip();
                base64.decode(readBuffer);
                readBuffer.clear();
                decodeTunnelled();
            }
        } catch (RtspParseException e) {
            LOG.warning(logPrefix + "bad request: " + e.getMessage() + "; answering " + e.status().code() + " and closing");
            RtspResponse response = new RtspResponse(e.status());
            response.header("Server", server.serverHeader());
            response.header("Connection", "close");
            send(response.encode());
            closeAfterFlush();
        } catch (IOException e) {
            LOG.fine(logPrefix + "read failed: " + e.getMessage());
            close();
        }
        return true;
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
        Object message;
        while (base64 == null && !closeAfterFlush && (message = decoder.decode(readBuffer)) != null) {
            dispatch(message);
        }
    }

    private void decodeTunnelled() throws RtspParseException {
        ByteBuffer decoded = base64.decoded();
        decoded.flip();
        try {
            Object message;
            while (!closeAfterFlush && (message = decoder.decode(decoded)) != null) {
                dispatch(message);
            }
        } finally {
            decoded.compact();
        }
    }

    private void dispatch(Object message) {
        if (message instanceof RtspRequest request) {
            if (request.method() == org.tributary.rtsp.RtspMethod.POST && request.version().startsWith("HTTP/")
                    && request.header("x-sessioncookie") != null) {
                // Switch at once: the bytes after this head are already base64.
                base64 = new Base64Stream(limits.maxHeaderBytes() + limits.maxBodyBytes());
            }
            enqueue(request);
        } else if (message instanceof InterleavedFrame frame) {
            java.util.function.Consumer<byte[]> receiver = channelReceivers.get(frame.channel());
            if (receiver != null) {
                receiver.accept(frame.payload());
            }
        }
    }

    /** Receives what the client sends on an interleaved channel (its RTCP receiver reports). */
    public void onChannel(int channel, java.util.function.Consumer<byte[]> receiver) {
        channelReceivers.put(channel, receiver);
    }

    /** Makes this (POST) connection answer through the tunnel's GET connection. */
    public void answerThrough(RtspConnection getHalf) {
        this.responseTarget = getHalf;
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
            pending.add(request);
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
                head = pending.peek();
                pending.clear();
                processing = false;
            }
            LOG.warning(logPrefix + "cannot answer " + (head == null ? "the next request" : head.methodToken()) + ": "
                    + e.getMessage() + "; answering 503 and closing");
            deliver(errorAnswer(head, RtspStatus.SERVICE_UNAVAILABLE));
            closeAfterFlush();
        }
    }

    /** Control thread: answers queued requests in order until none is left or an answer is held back. */
    private void processPending() {
        try {
            while (true) {
                RtspRequest request;
                synchronized (pending) {
                    request = pending.poll();
                    if (request == null || closed) {
                        processing = false;
                        if (!inputEnded || closed) {
                            return;
                        }
                    }
                }
                if (request == null) {
                    close();
                    return;
                }
                RtspResponse response = answer(request);
                server.requestAnswered();
                if (response == null) {
                    continue;
                }
                if (response.holdBackMillis() > 0) {
                    // A slowed 401: the timer sends it later and only then are later requests answered, so
                    // the connection keeps its order and no thread waits meanwhile ('processing' stays set).
                    executor.executeLater(response.holdBackMillis(), () -> sendLaterAndGoOn(response));
                    return;
                }
                deliver(response);
            }
        } catch (Throwable t) { // never leave the connection waiting on a request nobody answers
            LOG.log(Level.SEVERE, logPrefix + "failed while answering requests; closing", t);
            close();
        }
    }

    private RtspResponse answer(RtspRequest request) {
        try {
            return handler.handle(request, this);
        } catch (Throwable t) { // an Error too (OutOfMemoryError, StackOverflowError, LinkageError)
            LOG.log(Level.SEVERE, logPrefix + "failed to answer " + request.methodToken() + " " + request.uri()
                    + ": " + t + "; answering 500 and closing", t);
            return errorAnswer(request, RtspStatus.INTERNAL_SERVER_ERROR).afterSent(() -> {
                stopReading();
                closeAfterFlush();
            });
        }
    }

    private void sendLaterAndGoOn(RtspResponse response) {
        try {
            deliver(response);
            startProcessing();
        } catch (Throwable t) {
            LOG.log(Level.SEVERE, logPrefix + "failed to send a held-back answer; closing", t);
            close();
        }
    }

    private void deliver(RtspResponse response) {
        if (!response.headers().contains("Server")) {
            response.header("Server", server.serverHeader());
        }
        responseTarget.send(response.encode());
        if (response.afterSent() != null) {
            response.afterSent().run();
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
        boolean wantWrite;
        synchronized (outbound) {
            if (closed) {
                return false;
            }
            if (outboundBytes + bytes.remaining() > maxOutboundBytes) {
                return false;
            }
            if (outbound.isEmpty()) {
                try {
                    channel.write(bytes);
                } catch (IOException e) {
                    LOG.fine(logPrefix + "write failed: " + e.getMessage());
                    closeQuietlyLater();
                    return false;
                }
                if (!bytes.hasRemaining()) {
                    return true;
                }
            }
            ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
            copy.put(bytes).flip();
            outbound.add(copy);
            outboundBytes += copy.remaining();
            wantWrite = true;
        }
        if (wantWrite) {
            server.requestWriteInterest(this);
        }
        return true;
    }

    /** Selector thread: the socket can take more bytes. Returns true when everything queued is written. */
    boolean onWritable() {
        synchronized (outbound) {
            try {
                while (!outbound.isEmpty()) {
                    ByteBuffer head = outbound.peek();
                    int before = head.remaining();
                    channel.write(head);
                    outboundBytes -= before - head.remaining();
                    if (head.hasRemaining()) {
                        return false;
                    }
                    outbound.poll();
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
            return !outbound.isEmpty();
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
            outboundBytes = 0;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.fine(logPrefix + "close failed: " + e.getMessage());
        }
        server.connectionClosed(this);
        handler.connectionClosed(this);
    }

    SocketChannel channel() {
        return channel;
    }

    RtspServer server() {
        return server;
    }
}
