package org.tributary.net;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * TLS over a non-blocking channel with an {@link SSLEngine}, as a {@link ByteLink}: the handshake runs inside
 * {@link #read} and {@link #flush} as the client's records arrive, so no thread ever waits for a peer. A peer
 * that sends something other than TLS (plain RTSP to the RTSPS port) makes {@link #read} throw an
 * {@link SSLException}; the caller logs it and closes. The engine's delegated tasks (key exchange maths) run
 * on the calling thread: they take microseconds to a few milliseconds.
 *
 * <p>Thread use: reads come from one thread (the selector), writes from any; every method holds this link's
 * lock while it uses the engine and its buffers.
 */
public final class TlsLink implements ByteLink {

    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final ByteChannel channel;
    private final SSLEngine engine;
    /** Records read from the socket, not yet decrypted (write mode). */
    private ByteBuffer netIn;
    /** Decrypted bytes the caller has not read yet (write mode). */
    private ByteBuffer appIn;
    /** Encrypted bytes the socket has not taken yet (write mode). */
    private ByteBuffer netOut;
    /** The last unwrap stopped with records left because {@link #appIn} was full. */
    private boolean recordsLeft;
    private boolean inboundDone;

    public TlsLink(ByteChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        this.netOut = ByteBuffer.allocate(packet);
    }

    /** The server side of a connection just accepted on {@code channel}. */
    public static TlsLink server(ByteChannel channel, SSLContext context) {
        return new TlsLink(channel, TlsContexts.serverEngine(context));
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        if (appIn.position() == 0 && !inboundDone) {
            int n = channel.read(netIn);
            unwrapAvailable();
            if (appIn.position() == 0) {
                return inboundDone || n < 0 ? -1 : 0; // a peer gone without close_notify ends the stream too
            }
        }
        if (appIn.position() == 0) {
            return -1;
        }
        appIn.flip();
        int n = Math.min(appIn.remaining(), dst.remaining());
        ByteBuffer slice = appIn.slice();
        slice.limit(n);
        dst.put(slice);
        appIn.position(appIn.position() + n);
        appIn.compact();
        return n;
    }

    /** Decrypts the records in {@link #netIn} and answers the handshake, until more input is needed. */
    private void unwrapAvailable() throws IOException {
        recordsLeft = false;
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                runTasks();
                continue;
            }
            if (status == HandshakeStatus.NEED_WRAP) {
                if (!wrapHandshake()) {
                    return; // the socket is full: flush() goes on once it drains
                }
                continue;
            }
            netIn.flip();
            SSLEngineResult result;
            try {
                if (!netIn.hasRemaining() && status != HandshakeStatus.NEED_UNWRAP_AGAIN) {
                    return;
                }
                result = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
            }
            switch (result.getStatus()) {
                case BUFFER_UNDERFLOW -> {
                    if (netIn.position() == netIn.capacity()) {
                        netIn = grow(netIn, engine.getSession().getPacketBufferSize());
                    }
                    return;
                }
                case BUFFER_OVERFLOW -> {
                    if (appIn.position() > 0) {
                        recordsLeft = true; // the caller takes what is there first
                        return;
                    }
                    appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                }
                case CLOSED -> {
                    inboundDone = true; // close_notify: the engine answers it with its own (NEED_WRAP)
                    if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                        wrapHandshake();
                    }
                    return;
                }
                case OK -> {
                    if (result.bytesConsumed() == 0 && result.bytesProduced() == 0
                            && engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
                        return;
                    }
                }
            }
        }
    }

    /** Wraps handshake (or closing) records; false when the socket would not take them all. */
    private boolean wrapHandshake() throws IOException {
        SSLEngineResult result = engine.wrap(NOTHING, netOut);
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            if (!flushNetOut()) {
                return false;
            }
            netOut = grow(netOut, engine.getSession().getPacketBufferSize());
            return true;
        }
        return flushNetOut();
    }

    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        if (!flushNetOut()) {
            return 0;
        }
        int taken = 0;
        while (src.hasRemaining()) {
            if (engine.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                runTasks();
                continue;
            }
            SSLEngineResult result = engine.wrap(src, netOut);
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("the TLS connection is closed");
            }
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                if (netOut.position() == 0) {
                    netOut = grow(netOut, engine.getSession().getPacketBufferSize());
                } else if (!flushNetOut()) {
                    break;
                }
                continue;
            }
            taken += result.bytesConsumed();
            if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                break; // still waiting for the peer's handshake: nothing can be sent yet
            }
            if (!flushNetOut()) {
                break;
            }
        }
        return taken;
    }

    @Override
    public synchronized boolean flush() throws IOException {
        if (!flushNetOut()) {
            return false;
        }
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP && !inboundDone) {
            unwrapAvailable(); // a handshake stopped by a full socket goes on
        }
        return netOut.position() == 0;
    }

    private boolean flushNetOut() throws IOException {
        if (netOut.position() == 0) {
            return true;
        }
        netOut.flip();
        try {
            while (netOut.hasRemaining() && channel.write(netOut) > 0) {
                // the socket takes what it can
            }
        } finally {
            netOut.compact();
        }
        return netOut.position() == 0;
    }

    @Override
    public synchronized boolean hasPendingOutput() {
        return netOut.position() > 0;
    }

    @Override
    public synchronized boolean hasBufferedInput() {
        return appIn.position() > 0 || recordsLeft;
    }

    @Override
    public boolean secure() {
        return true;
    }

    /** The handshake is over: what {@link #write} takes goes out as application data. */
    @Override
    public synchronized boolean established() {
        HandshakeStatus status = engine.getHandshakeStatus();
        return !"NONE".equals(engine.getSession().getProtocol())
                && (status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED);
    }

    /** The negotiated protocol ("TLSv1.3"), or "NONE" before the handshake ends. */
    public synchronized String protocol() {
        return engine.getSession().getProtocol();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (!engine.isOutboundDone()) {
                engine.closeOutbound();
                engine.wrap(NOTHING, netOut); // close_notify, sent if the socket takes it now
                flushNetOut();
            }
        } catch (IOException e) {
            // closing anyway
        } finally {
            channel.close();
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static ByteBuffer grow(ByteBuffer buffer, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, atLeast));
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }
}
