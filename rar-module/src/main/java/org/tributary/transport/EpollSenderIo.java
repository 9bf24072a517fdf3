package org.tributary.transport;

import io.netty.channel.ManualIoEventLoop;
import io.netty.channel.epoll.EpollIoHandler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * A sender thread driving its own Netty event loop ({@link ManualIoEventLoop}): it waits in {@code epoll_wait}
 * instead of parking, the packets it writes are queued on its sockets, and each flush hands a socket's queue to
 * the kernel in {@code sendmmsg} calls. A flush comes when the thread is about to wait, and after every
 * {@link #BATCH} packets, so no packet waits longer than the pumping of a few dozen others.
 */
final class EpollSenderIo implements SenderIo {

    /** Packets queued before a flush is forced. */
    static final int BATCH = 32;

    /** Sleeps only when the sender loop has no new work that arrived without I/O. */
    private static final class SenderEventLoop extends ManualIoEventLoop {
        private final BooleanSupplier nothingPending;

        SenderEventLoop(BooleanSupplier nothingPending) {
            super(Thread.currentThread(), EpollIoHandler.newFactory());
            this.nothingPending = nothingPending;
        }

        @Override
        protected boolean canBlock() {
            return nothingPending.getAsBoolean();
        }
    }

    private final SenderEventLoop loop;
    private final List<EpollRtpSender> sockets = new ArrayList<>();
    private final List<EpollRtpSender> withQueued = new ArrayList<>();
    private final LongAdder packetsCounted;
    private final LongAdder batchesCounted;
    private final LongAdder gatheredCounted;
    private int gathered;
    private int queued;

    EpollSenderIo(BooleanSupplier nothingPending, LongAdder packets, LongAdder batches, LongAdder gathered) {
        loop = new SenderEventLoop(nothingPending);
        this.packetsCounted = packets;
        this.batchesCounted = batches;
        this.gatheredCounted = gathered;
        warmUp();
    }

    /**
     * Sends one datagram to itself through a throwaway socket, so that Netty's allocator, pipeline and native
     * classes load here, when the adapter starts, not at the first viewer's first packet: loading them then held
     * this thread, and every playback on it, for a few hundred milliseconds.
     */
    private void warmUp() {
        try {
            InetSocketAddress loopback = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0);
            EpollRtpSender probe = EpollRtpSender.open(this, loop, loopback, (packet, from) -> { });
            try {
                InetSocketAddress self = probe.localAddress();
                probe.send(ByteBuffer.allocate(12), self);
                probe.send(ByteBuffer.allocate(12), self);
                probe.flush(); // not counted: the status counts viewers' packets
                loop.runNow();
            } finally {
                probe.close();
                withQueued.clear();
                queued = 0;
                gathered = 0;
            }
        } catch (IOException | RuntimeException e) {
            java.util.logging.Logger.getLogger(EpollSenderIo.class.getName()).fine("warm-up: " + e);
        }
    }

    /** A packet joined the previous one to the same client in one GSO send. */
    void gathered() {
        gathered++;
    }

    /** This thread's socket in {@code port}'s SO_REUSEPORT group; datagrams the kernel gives it go to {@code received}. */
    EpollRtpSender open(InetSocketAddress port, BiConsumer<ByteBuffer, InetSocketAddress> received) throws IOException {
        EpollRtpSender socket = EpollRtpSender.open(this, loop, port, received);
        sockets.add(socket);
        socket.closeFuture(() -> {
            sockets.remove(socket);
            withQueued.remove(socket);
        });
        return socket;
    }

    /** A socket queued a packet. */
    void queued(EpollRtpSender socket) {
        if (!socket.hasQueued) {
            socket.hasQueued = true;
            withQueued.add(socket);
        }
        if (++queued >= BATCH) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (queued == 0) {
            return;
        }
        packetsCounted.add(queued);
        batchesCounted.increment();
        if (gathered > 0) {
            gatheredCounted.add(gathered);
            gathered = 0;
        }
        queued = 0;
        for (int i = 0; i < withQueued.size(); i++) {
            EpollRtpSender socket = withQueued.get(i);
            socket.hasQueued = false;
            socket.flush();
        }
        withQueued.clear();
    }

    @Override
    public void await(long nanos) {
        flush();
        loop.run(nanos > 0 ? nanos : -1);
    }

    @Override
    public void wake() {
        loop.wakeup();
    }

    @Override
    public void close() {
        SendPath.detach();
        for (EpollRtpSender socket : List.copyOf(sockets)) {
            socket.close();
        }
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        for (int i = 0; i < 100 && !loop.isTerminated(); i++) {
            loop.runNow();
        }
    }
}
