package org.tributary.loadtool.rtsp;

import org.tributary.rtsp.RtspHeaders;
import org.tributary.rtsp.RtspMethod;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.client.ClientAuthenticator;
import org.tributary.rtsp.header.WwwAuthenticate;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The control connection of one RTSP session. It starts blocking, for the request/response
 * handshake ({@link #exchange}), and can then be switched to non-blocking and driven by a selector
 * thread ({@link #sendAsync}, {@link #onReadable}, {@link #onWritable}), which also carries
 * interleaved RTP/RTCP when the session uses TCP transport. Requests carry CSeq, User-Agent, the
 * Session id once known and, after a 401, an Authorization header.
 *
 * <p>When tunnelled over HTTP ({@link HttpTunnel}) the connection has two sockets: everything is
 * read from the GET one, exactly as from a plain RTSP connection, and everything sent (requests and
 * interleaved RTCP) goes base64-encoded, one message at a time, on the POST one.
 */
public final class RtspConnection implements Closeable {
    private static final int MAX_AUTH_ATTEMPTS = 3;
    private static final int READS_PER_WAKEUP = 16;

    private final SocketChannel channel;
    /** Where requests go: {@link #channel} itself, or a tunnel's POST connection. */
    private final SocketChannel writeChannel;
    private final boolean base64Out;
    private final ClientAuthenticator authenticator;
    /** The challenges of the last 401, answered on every request from then on; empty before one. */
    private List<WwwAuthenticate> challenges = List.of();
    private final String userAgent;
    private final RtspMessageDecoder decoder = new RtspMessageDecoder();
    private final ArrayDeque<ByteBuffer> outbound = new ArrayDeque<>();
    private int nextCseq = 1;
    private String sessionId;
    private SelectionKey key;
    private SelectionKey writeKey;
    private long bytesRead;

    private RtspConnection(SocketChannel channel, SocketChannel writeChannel, boolean base64Out, RtspUrl url,
                           String userAgent) {
        this.channel = channel;
        this.writeChannel = writeChannel;
        this.base64Out = base64Out;
        this.authenticator = url.user() == null ? null : new ClientAuthenticator(url.user(),
                url.password() == null ? "" : url.password(), RtspConnection::clientNonce);
        this.userAgent = userAgent;
    }

    /** Connects (blocking) within the timeout. */
    public static RtspConnection open(RtspUrl url, int timeoutMillis, String userAgent) throws IOException {
        SocketChannel channel = connect(url, timeoutMillis);
        return new RtspConnection(channel, channel, false, url, userAgent);
    }

    /**
     * An HTTP tunnel whose GET half has been answered: reads from {@code get}, writes base64 to
     * {@code post}. {@code alreadyRead} holds what followed the GET's HTTP head, if anything.
     */
    static RtspConnection tunnelled(SocketChannel get, SocketChannel post, RtspUrl url, String userAgent,
                                    byte[] alreadyRead) {
        RtspConnection connection = new RtspConnection(get, post, true, url, userAgent);
        connection.decoder.feed(alreadyRead, 0, alreadyRead.length);
        return connection;
    }

    /** Opens a TCP connection (blocking, no Nagle) to the URL's host and port within the timeout. */
    static SocketChannel connect(RtspUrl url, int timeoutMillis) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().setTcpNoDelay(true);
            channel.socket().connect(new InetSocketAddress(url.host(), url.port()), timeoutMillis);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }

    /**
     * Sends a request and waits (blocking) for its response, answering up to two 401 challenges.
     * Interleaved frames and other responses that arrive meanwhile go to {@code handler}.
     *
     * @throws SocketTimeoutException if no response arrives within the timeout
     */
    public RtspResponse exchange(String method, String uri, Map<String, String> headers,
                                 RtspInboundHandler handler, int timeoutMillis) throws IOException {
        return exchange(method, uri, headers, new byte[0], handler, timeoutMillis);
    }

    /** As {@link #exchange(String, String, Map, RtspInboundHandler, int)}, with a body (e.g. ANNOUNCE's SDP). */
    public RtspResponse exchange(String method, String uri, Map<String, String> headers, byte[] body,
                                 RtspInboundHandler handler, int timeoutMillis) throws IOException {
        RtspResponse response = null;
        for (int attempt = 0; attempt < MAX_AUTH_ATTEMPTS; attempt++) {
            int cseq = nextCseq++;
            OutputStream out = writeChannel.socket().getOutputStream();
            ByteBuffer request = onWire(encode(method, uri, cseq, headers, body));
            out.write(request.array(), request.arrayOffset() + request.position(), request.remaining());
            out.flush();
            response = await(cseq, handler, System.nanoTime() + timeoutMillis * 1_000_000L);
            if (response.code() != 401 || !answerable(response)) {
                return response;
            }
        }
        return response;
    }

    private RtspResponse await(int cseq, RtspInboundHandler handler, long deadlineNanos) throws IOException {
        ResponseCatcher catcher = new ResponseCatcher(cseq, handler);
        InputStream in = channel.socket().getInputStream();
        while (true) {
            decoder.decode(catcher);
            if (catcher.caught != null) {
                return catcher.caught;
            }
            long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000L;
            if (remainingMillis <= 0) {
                throw new SocketTimeoutException("no RTSP response to CSeq " + cseq);
            }
            channel.socket().setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
            ByteBuffer room = decoder.writable(4 * 1024);
            int n = in.read(room.array(), room.arrayOffset() + room.position(), room.remaining());
            if (n < 0) {
                throw new IOException("connection closed by server");
            }
            bytesRead += n;
            decoder.advance(n);
        }
    }

    /**
     * Switches to non-blocking mode and registers for reads; the attachment gets the key's events. A
     * tunnel's POST socket is registered too, with the same attachment, only ever for writes.
     */
    public SelectionKey register(Selector selector, Object attachment) throws IOException {
        channel.configureBlocking(false);
        key = channel.register(selector, SelectionKey.OP_READ, attachment);
        writeKey = key;
        if (writeChannel != channel) {
            writeChannel.configureBlocking(false);
            writeKey = writeChannel.register(selector, 0, attachment);
        }
        return key;
    }

    /** Queues a request on a registered (non-blocking) connection; returns its CSeq. */
    public int sendAsync(String method, String uri, Map<String, String> headers) throws IOException {
        int cseq = nextCseq++;
        queue(onWire(encode(method, uri, cseq, headers, new byte[0])));
        return cseq;
    }

    /** Queues one interleaved frame ({@code $}, channel, length, data). */
    public void sendInterleaved(int interleavedChannel, ByteBuffer data) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(4 + data.remaining());
        frame.put((byte) '$').put((byte) interleavedChannel).putShort((short) data.remaining()).put(data);
        queue(onWire(frame.array()));
    }

    /**
     * Writes one interleaved frame on a connection still in blocking mode (a publisher's sending
     * thread); returns when the kernel took it all.
     */
    public void writeInterleaved(int interleavedChannel, ByteBuffer data) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(4 + data.remaining());
        frame.put((byte) '$').put((byte) interleavedChannel).putShort((short) data.remaining()).put(data.duplicate());
        ByteBuffer wire = onWire(frame.array());
        while (wire.hasRemaining()) {
            writeChannel.write(wire);
        }
    }

    /** Reads and discards what the server sends (RTCP, answers) until it closes; blocking. */
    public long drain() throws IOException {
        ByteBuffer sink = ByteBuffer.allocate(16 * 1024);
        long total = 0;
        channel.socket().setSoTimeout(0);
        while (channel.read(sink.clear()) >= 0) {
            total += sink.position();
        }
        return total;
    }

    /** The bytes as sent: unchanged, or base64 when tunnelled (each message encoded on its own). */
    private ByteBuffer onWire(byte[] message) {
        return ByteBuffer.wrap(base64Out ? Base64.getEncoder().encode(message) : message);
    }

    private void queue(ByteBuffer bytes) throws IOException {
        outbound.addLast(bytes);
        onWritable();
    }

    /** Writes what is queued; asks for OP_WRITE while something remains. */
    public void onWritable() throws IOException {
        while (!outbound.isEmpty()) {
            ByteBuffer head = outbound.peekFirst();
            writeChannel.write(head);
            if (head.hasRemaining()) {
                break;
            }
            outbound.removeFirst();
        }
        if (writeKey != null && writeKey.isValid()) {
            int readOps = writeKey == key ? SelectionKey.OP_READ : 0;
            int ops = outbound.isEmpty() ? readOps : readOps | SelectionKey.OP_WRITE;
            if (writeKey.interestOps() != ops) {
                writeKey.interestOps(ops);
            }
        }
    }

    /**
     * Reads what is available and delivers every complete message.
     *
     * @return false when the server closed the connection
     */
    public boolean onReadable(RtspInboundHandler handler) throws IOException {
        for (int i = 0; i < READS_PER_WAKEUP; i++) {
            ByteBuffer room = decoder.writable(16 * 1024);
            int n = channel.read(room);
            if (n < 0) {
                decoder.decode(handler);
                return false;
            }
            if (n == 0) {
                break;
            }
            bytesRead += n;
            decoder.advance(n);
            decoder.decode(handler);
        }
        return true;
    }

    /** Delivers messages already buffered (e.g. media that followed the PLAY response). */
    public void drainBuffered(RtspInboundHandler handler) {
        decoder.decode(handler);
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** Takes a 401's challenges if this connection has credentials and can answer one of them. */
    private boolean answerable(RtspResponse unauthorized) {
        if (authenticator == null) {
            return false;
        }
        List<WwwAuthenticate> offered = ClientAuthenticator.challengesOf(unauthorized);
        if (ClientAuthenticator.strongest(offered).isEmpty()) {
            return false;
        }
        challenges = offered;
        return true;
    }

    private byte[] encode(String method, String uri, int cseq, Map<String, String> headers, byte[] body) {
        RtspHeaders sent = new RtspHeaders().set("CSeq", Integer.toString(cseq)).set("User-Agent", userAgent);
        if (sessionId != null && !headers.containsKey("Session")) {
            sent.set("Session", sessionId);
        }
        if (!challenges.isEmpty()) {
            sent.set("Authorization", authenticator.answer(challenges, method, uri).format());
        }
        headers.forEach(sent::add);
        return new RtspRequest(method, RtspMethod.of(method), uri, "RTSP/1.0", sent, body).encode();
    }

    private static String clientNonce() {
        return HexFormat.of().formatHex(ByteBuffer.allocate(8).putLong(ThreadLocalRandom.current().nextLong()).array());
    }

    @Override
    public void close() {
        closeQuietly(channel);
        closeQuietly(writeChannel);
    }

    static void closeQuietly(SocketChannel socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Passes everything through and keeps the response with the awaited CSeq. */
    private static final class ResponseCatcher implements RtspInboundHandler {
        private final int cseq;
        private final RtspInboundHandler next;
        private RtspResponse caught;

        ResponseCatcher(int cseq, RtspInboundHandler next) {
            this.cseq = cseq;
            this.next = next;
        }

        @Override
        public void onResponse(RtspResponse response) {
            // A response without CSeq is taken as the answer: some servers omit it on errors.
            String answered = response.headers().get("CSeq");
            if (caught == null && (answered == null || answered.trim().equals(Integer.toString(cseq)))) {
                caught = response;
            } else {
                next.onResponse(response);
            }
        }

        @Override
        public void onInterleaved(int channel, ByteBuffer data, int offset, int length) {
            next.onInterleaved(channel, data, offset, length);
        }
    }
}
