package org.tributary.loadtool.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a receiver loop reads a readable UDP socket, and what it counts. */
class ReceiverLoopReadsTest {

    @Test
    void readsEveryWaitingDatagramThenCountsTheEmptyReceive() throws Exception {
        try (DatagramChannel receiver = bound(); DatagramChannel sender = DatagramChannel.open()) {
            send(sender, receiver, 3);
            ReceiverLoop loop = new ReceiverLoop("test", 64);
            List<String> got = new ArrayList<>();
            readUntil(loop, receiver, got, 3);
            assertEquals(List.of("p0", "p1", "p2"), got);
            assertEquals(3, loop.udpReads().datagrams());
            assertEquals(loop.udpReads().wakeups(), loop.udpReads().emptyReads(),
                    "every wake-up ends with a receive that finds the socket empty");
        }
    }

    @Test
    void oneDatagramPerWakeUpLeavesTheRestForTheNextPollWithoutAnEmptyReceive() throws Exception {
        try (DatagramChannel receiver = bound(); DatagramChannel sender = DatagramChannel.open()) {
            send(sender, receiver, 3);
            ReceiverLoop loop = new ReceiverLoop("test", 1);
            List<String> got = new ArrayList<>();
            readUntil(loop, receiver, got, 3);
            assertEquals(List.of("p0", "p1", "p2"), got);
            assertEquals(3, loop.udpReads().wakeups());
            assertEquals(0, loop.udpReads().emptyReads());
        }
    }

    @Test
    void refusesAZeroLimit() {
        assertThrows(IllegalArgumentException.class, () -> new ReceiverLoop("test", 0));
    }

    private static DatagramChannel bound() throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
        return channel;
    }

    private static void send(DatagramChannel sender, DatagramChannel to, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            sender.send(ByteBuffer.wrap(("p" + i).getBytes()), to.getLocalAddress());
        }
    }

    /** Reads as the loop does on each wake-up until {@code count} datagrams came (loopback delivery is immediate). */
    private static void readUntil(ReceiverLoop loop, DatagramChannel channel, List<String> got, int count)
            throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (got.size() < count && System.nanoTime() < deadline) {
            loop.readDatagrams(channel, buffer, (datagram, length, arrival) ->
                    got.add(new String(datagram.array(), 0, length)));
            if (got.size() < count) {
                Thread.sleep(5);
            }
        }
    }
}
