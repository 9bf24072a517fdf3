package org.tributary.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.SegmentedDatagramPacket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * A sender thread's socket on the RTP port, through Netty's epoll transport: {@link #send} copies the packet into
 * a pooled direct buffer and queues it; {@link EpollSenderIo#flush()} sends the queue. Where the kernel has UDP
 * GSO, consecutive packets to the same client of one size (a video frame's fragments), and a last shorter one,
 * are gathered into one buffer the kernel cuts into datagrams again ({@code UDP_SEGMENT}): one pass through the
 * stack for all of them. Being in the port's SO_REUSEPORT group, the socket also receives a share of what arrives
 * there (a publisher's RTP), handed on as the JDK sockets' share is.
 */
final class EpollRtpSender implements RtpSender {

    private static final Logger LOG = Logger.getLogger(EpollRtpSender.class.getName());
    private static final int SEND_BUFFER = 4 * 1024 * 1024;
    /** Whether this kernel takes UDP_SEGMENT (Linux 4.18+). */
    static final boolean GSO = EpollDatagramChannel.isSegmentedDatagramPacketSupported();
    /** Datagrams per GSO send (the kernel's limit is 64 on older kernels) and their bytes together. */
    static final int MAX_SEGMENTS = 64;
    static final int MAX_GATHERED_BYTES = 60_000;

    private final EpollSenderIo io;
    private final EpollDatagramChannel channel;
    /** Whether a flush is owed; the owning thread's. */
    boolean hasQueued;
    /** The packets being gathered for one GSO send, not yet written to the channel; null when none. */
    private ByteBuf gathering;
    private InetSocketAddress gatheringTo;
    private int segmentSize;
    private int segments;
    /** A shorter packet ended the group: the kernel cuts every segment but the last to one size. */
    private boolean groupEnded;

    private EpollRtpSender(EpollSenderIo io, EpollDatagramChannel channel) {
        this.io = io;
        this.channel = channel;
    }

    static EpollRtpSender open(EpollSenderIo io, EventLoop loop, InetSocketAddress port,
                               BiConsumer<ByteBuffer, InetSocketAddress> received) throws IOException {
        EpollDatagramChannel channel = new EpollDatagramChannel();
        channel.config().setReuseAddress(true);
        channel.config().setOption(EpollChannelOption.SO_REUSEPORT, true);
        channel.config().setSendBufferSize(SEND_BUFFER);
        // Held back only while the kernel's buffer is full; a turn's batch alone stays far below it.
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(SEND_BUFFER / 2, SEND_BUFFER));
        channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(64 * 1024));
        channel.pipeline().addLast(new Receiver(received));
        // On the loop's own thread both complete at once.
        ChannelFuture registered = loop.register(channel);
        failUnlessDone(registered, channel, port);
        failUnlessDone(channel.bind(port), channel, port);
        return new EpollRtpSender(io, channel);
    }

    private static void failUnlessDone(ChannelFuture future, EpollDatagramChannel channel, InetSocketAddress port)
            throws IOException {
        if (!future.isDone() || !future.isSuccess()) {
            channel.close();
            Throwable cause = future.cause();
            throw new IOException("cannot join the RTP port " + port + " with a native socket"
                    + (cause == null ? " (not completed on its own loop)" : ": " + cause), cause);
        }
    }

    InetSocketAddress localAddress() {
        return channel.localAddress();
    }

    void closeFuture(Runnable then) {
        channel.closeFuture().addListener(f -> then.run());
    }

    @Override
    public boolean send(ByteBuffer packet, InetSocketAddress to) {
        if (!channel.isWritable()) {
            return false; // the kernel's buffer is full and packets already wait: dropped, as a full sendto would
        }
        int length = packet.remaining();
        if (joinsGathering(length, to)) {
            gathering.writeBytes(packet);
            segments++;
            groupEnded = length < segmentSize;
            io.gathered();
        } else {
            writeGathered();
            gathering = channel.alloc().directBuffer(GSO ? Math.min(MAX_GATHERED_BYTES, 4 * length) : length,
                    MAX_GATHERED_BYTES);
            gathering.writeBytes(packet);
            gatheringTo = to;
            segmentSize = length;
            segments = 1;
            groupEnded = false;
        }
        io.queued(this);
        return true;
    }

    private boolean joinsGathering(int length, InetSocketAddress to) {
        return GSO && gathering != null && !groupEnded && length <= segmentSize && length > 0
                && segments < MAX_SEGMENTS && gathering.readableBytes() + length <= MAX_GATHERED_BYTES
                && (to == gatheringTo || to.equals(gatheringTo));
    }

    /** Hands the gathered packets to the channel: one datagram, or one GSO send of several. */
    private void writeGathered() {
        ByteBuf gathered = gathering;
        if (gathered == null) {
            return;
        }
        gathering = null;
        DatagramPacket message = segments > 1
                ? new SegmentedDatagramPacket(gathered, segmentSize, gatheringTo)
                : new DatagramPacket(gathered, gatheringTo);
        channel.write(message, channel.voidPromise());
    }

    void flush() {
        writeGathered();
        channel.flush();
    }

    @Override
    public void close() {
        ByteBuf unsent = gathering;
        if (unsent != null && channel.eventLoop().inEventLoop()) {
            gathering = null;
            unsent.release();
        }
        channel.close();
    }

    /** Hands on what this socket receives; a send error (none expected on UDP) is only logged. */
    private static final class Receiver extends ChannelInboundHandlerAdapter {
        private final BiConsumer<ByteBuffer, InetSocketAddress> received;

        Receiver(BiConsumer<ByteBuffer, InetSocketAddress> received) {
            this.received = received;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            DatagramPacket packet = (DatagramPacket) msg;
            try {
                received.accept(packet.content().nioBuffer(), packet.sender());
            } catch (RuntimeException e) {
                LOG.fine("an RTP packet from " + packet.sender() + " was not taken: " + e);
            } finally {
                packet.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.fine("native RTP socket: " + cause);
        }
    }
}
