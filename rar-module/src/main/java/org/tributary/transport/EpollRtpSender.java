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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * A sender thread's socket on the RTP port, through Netty's epoll transport: {@link #send} copies the packet into
 * a pooled direct buffer and queues it; {@link EpollSenderIo#flush()} sends the queue. Being in the port's
 * SO_REUSEPORT group, it also receives a share of what arrives there (a publisher's RTP), handed on as the
 * JDK sockets' share is.
 */
final class EpollRtpSender implements RtpSender {

    private static final Logger LOG = Logger.getLogger(EpollRtpSender.class.getName());
    private static final int SEND_BUFFER = 4 * 1024 * 1024;

    private final EpollSenderIo io;
    private final EpollDatagramChannel channel;
    /** Whether a flush is owed; the owning thread's. */
    boolean hasQueued;

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

    void closeFuture(Runnable then) {
        channel.closeFuture().addListener(f -> then.run());
    }

    @Override
    public boolean send(ByteBuffer packet, InetSocketAddress to) {
        if (!channel.isWritable()) {
            return false; // the kernel's buffer is full and packets already wait: dropped, as a full sendto would
        }
        ByteBuf copy = channel.alloc().directBuffer(packet.remaining());
        copy.writeBytes(packet);
        channel.write(new DatagramPacket(copy, to), channel.voidPromise());
        io.queued(this);
        return true;
    }

    void flush() {
        channel.flush();
    }

    @Override
    public void close() {
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
