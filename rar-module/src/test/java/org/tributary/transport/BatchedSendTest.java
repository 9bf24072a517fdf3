package org.tributary.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The batched send path on this machine: Netty's native epoll must load on Linux x86_64 (the platform of the
 * bundled library), a sender thread's packets arrive whole, in order and from the RTP port, in far fewer batches
 * than packets, and what the kernel hands the thread's native socket from the port's SO_REUSEPORT group still
 * reaches its listener.
 */
class BatchedSendTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final UdpEndpoint endpoint = new UdpEndpoint(LOOPBACK, 0, 0);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    BatchedSendTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        endpoint.close();
    }

    /** Runs {@code work} on a new sender thread of {@code path}, flushes what it queued, and waits for it. */
    private static void onASenderThread(SendPath path, java.util.function.Consumer<SenderIo> work)
            throws InterruptedException {
        Thread sender = new Thread(() -> {
            SenderIo io = path.attach(() -> true);
            try {
                work.accept(io);
                io.flush();
            } finally {
                io.close();
            }
        });
        sender.start();
        sender.join(10_000);
    }

    private static boolean nativePlatform() {
        return System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
    }

    @Test
    void theStatusSaysWhichPathRunsAndWhy() {
        SendPath off = SendPath.choose(false);
        assertEquals("sendto", off.mode());
        assertTrue(off.detail().contains("tributary.engine.batched-sends=false"), off.detail());
        assumeTrue(nativePlatform(), "the bundled native library is for Linux x86_64");
        SendPath on = SendPath.choose(true);
        assertEquals("sendmmsg", on.mode(), on.detail());
        assertTrue(on.detail().startsWith("Netty 4.2."), on.detail());
        assertTrue(on.detail().contains("0 packets sent in 0 batches"), on.detail());
    }

    @Test
    void aSenderThreadsPacketsArriveWholeInOrderFromTheRtpPortInBatches() throws Exception {
        assumeTrue(nativePlatform(), "the bundled native library is for Linux x86_64");
        DatagramChannel client = DatagramChannel.open();
        toClose.add(client);
        client.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024 * 1024);
        client.bind(new InetSocketAddress(LOOPBACK, 0));
        InetSocketAddress clientRtp = (InetSocketAddress) client.getLocalAddress();
        RtpChannel channel = endpoint.channelTo(clientRtp, new InetSocketAddress(LOOPBACK, clientRtp.getPort() + 1),
                packet -> { });
        SendPath path = SendPath.choose(true);
        int count = 1000;
        onASenderThread(path, io -> {
            for (int i = 0; i < count; i++) {
                ByteBuffer packet = ByteBuffer.allocate(12 + i % 1388);
                packet.putInt(0, i);
                packet.put(packet.limit() - 1, (byte) i);
                if (!channel.sendRtp(packet)) {
                    throw new AssertionError("packet " + i + " was dropped");
                }
                if (i % 100 == 99) {
                    io.await(1_000_000); // a sender loop's wait: what is queued leaves first
                }
            }
        });
        ByteBuffer in = ByteBuffer.allocate(2048);
        client.configureBlocking(true);
        for (int i = 0; i < count; i++) {
            in.clear();
            InetSocketAddress from = (InetSocketAddress) client.receive(in);
            in.flip();
            assertEquals(endpoint.rtpPort(), from.getPort(), "packets leave from the RTP port");
            assertEquals(12 + i % 1388, in.remaining(), "packet " + i + "'s length");
            assertEquals(i, in.getInt(0), "packets arrive in the order they were sent");
            assertEquals((byte) i, in.get(in.limit() - 1), "packet " + i + "'s last byte");
        }
        assertEquals(count, path.batchedPackets(), path.detail());
        assertTrue(path.batches() <= count / EpollSenderIo.BATCH + 10 + 1, "batches: " + path.detail());
    }

    /** A video frame's fragments: four of one size and a shorter last one, then an audio packet to another port. */
    @Test
    void aClientsConsecutivePacketsOfOneSizeGoInOneGsoSendAndArriveAsTheyWereSent() throws Exception {
        assumeTrue(nativePlatform(), "the bundled native library is for Linux x86_64");
        DatagramChannel video = DatagramChannel.open();
        DatagramChannel audio = DatagramChannel.open();
        for (DatagramChannel c : List.of(video, audio)) {
            toClose.add(c);
            c.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024 * 1024);
            c.bind(new InetSocketAddress(LOOPBACK, 0));
            c.configureBlocking(true);
        }
        RtpChannel toVideo = endpoint.channelTo((InetSocketAddress) video.getLocalAddress(),
                new InetSocketAddress(LOOPBACK, 9), packet -> { });
        RtpChannel toAudio = endpoint.channelTo((InetSocketAddress) audio.getLocalAddress(),
                new InetSocketAddress(LOOPBACK, 11), packet -> { });
        SendPath path = SendPath.choose(true);
        int frames = 50;
        int[] sizes = {1200, 1200, 1200, 1200, 300};
        onASenderThread(path, io -> {
            int n = 0;
            for (int f = 0; f < frames; f++) {
                for (int size : sizes) {
                    ByteBuffer packet = ByteBuffer.allocate(size);
                    packet.putInt(0, n++);
                    packet.put(size - 1, (byte) f);
                    toVideo.sendRtp(packet);
                }
                ByteBuffer packet = ByteBuffer.allocate(200);
                packet.putInt(0, f);
                toAudio.sendRtp(packet);
            }
        });
        ByteBuffer in = ByteBuffer.allocate(2048);
        for (int n = 0; n < frames * sizes.length; n++) {
            in.clear();
            video.receive(in);
            in.flip();
            assertEquals(sizes[n % sizes.length], in.remaining(), "video packet " + n + "'s length");
            assertEquals(n, in.getInt(0), "video packets arrive in the order they were sent");
            assertEquals((byte) (n / sizes.length), in.get(in.limit() - 1), "video packet " + n + "'s last byte");
        }
        for (int f = 0; f < frames; f++) {
            in.clear();
            audio.receive(in);
            in.flip();
            assertEquals(200, in.remaining());
            assertEquals(f, in.getInt(0), "audio packets arrive in order");
        }
        assertEquals(frames * (sizes.length + 1), path.batchedPackets(), path.detail());
        if (EpollRtpSender.GSO) {
            // each frame's last four packets join its first: only an audio packet or a batch's end splits a frame
            assertTrue(path.gatheredPackets() >= frames * (sizes.length - 1) * 3 / 4, path.detail());
        }
    }

    @Test
    void whatTheNativeSocketReceivesReachesItsListener() throws Exception {
        assumeTrue(nativePlatform(), "the bundled native library is for Linux x86_64");
        Thread receiveLoop = new Thread(endpoint, "receive-loop");
        receiveLoop.setDaemon(true);
        receiveLoop.start();
        int senders = 50;
        AtomicInteger received = new AtomicInteger();
        AtomicInteger onTheSenderThread = new AtomicInteger();
        List<DatagramChannel> publishers = new ArrayList<>();
        Thread[] owner = new Thread[1];
        for (int i = 0; i < senders; i++) {
            DatagramChannel publisher = DatagramChannel.open();
            toClose.add(publisher);
            publisher.bind(new InetSocketAddress(LOOPBACK, 0));
            publishers.add(publisher);
            toClose.add(endpoint.receiveRtpFrom((InetSocketAddress) publisher.getLocalAddress(), (packet, from) -> {
                received.incrementAndGet();
                if (Thread.currentThread() == owner[0]) {
                    onTheSenderThread.incrementAndGet();
                }
            }));
        }
        SendPath path = SendPath.choose(true);
        RtpChannel channel = endpoint.channelTo(new InetSocketAddress(LOOPBACK, 9), new InetSocketAddress(LOOPBACK, 10),
                packet -> { });
        Thread sender = new Thread(() -> {
            owner[0] = Thread.currentThread();
            SenderIo io = path.attach(() -> true);
            try {
                channel.sendRtp(ByteBuffer.allocate(12)); // opens this thread's native socket in the port's group
                io.flush();
                for (DatagramChannel publisher : publishers) {
                    publisher.send(ByteBuffer.allocate(100), new InetSocketAddress(LOOPBACK, endpoint.rtpPort()));
                }
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (received.get() < senders && System.nanoTime() < deadline) {
                    io.await(10_000_000);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                io.close();
            }
        });
        sender.start();
        sender.join(10_000);
        assertEquals(senders, received.get(), "every publisher's packet was handed on");
        assertTrue(onTheSenderThread.get() > 0, "the kernel gave the native socket none of " + senders + " senders");
    }
}
