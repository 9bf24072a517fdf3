package org.tributary.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publisher port pairs come from the configured range, skip held ports and are given back. */
class ReceivePortPairsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private UdpReceivers receivers;
    private Thread loop;

    @BeforeEach
    void start() throws IOException {
        receivers = new UdpReceivers();
        loop = new Thread(receivers);
        loop.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        receivers.close();
        loop.join(10_000);
    }

    /** An even port whose pair is free now. */
    private static int freePair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
                port = probe.getLocalPort() & ~1;
            }
            try (DatagramSocket even = new DatagramSocket(port, LOOPBACK);
                 DatagramSocket odd = new DatagramSocket(port + 1, LOOPBACK);
                 DatagramSocket next = new DatagramSocket(port + 2, LOOPBACK);
                 DatagramSocket nextOdd = new DatagramSocket(port + 3, LOOPBACK)) {
                return port;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no free port pairs");
    }

    @Test
    void pairsAreEvenFromTheRangeAndDeliverRtp() throws Exception {
        int first = freePair();
        ReceivePortPairs pairs = new ReceivePortPairs(receivers, LOOPBACK, first, first + 3);
        BlockingQueue<String> got = new ArrayBlockingQueue<>(8);
        ReceivePortPairs.Pair one = pairs.open((d, from) -> got.add("rtp " + d.remaining()), (d, from) -> got.add("rtcp"));
        ReceivePortPairs.Pair two = pairs.open((d, from) -> { }, (d, from) -> { });
        assertEquals(first, one.rtpPort());
        assertEquals(first + 1, one.rtcpPort());
        assertEquals(first + 2, two.rtpPort());
        IOException full = assertThrows(IOException.class, () -> pairs.open((d, f) -> { }, (d, f) -> { }));
        assertTrue(full.getMessage().contains(first + "-" + (first + 3)), full.getMessage());
        try (DatagramSocket sender = new DatagramSocket(0, LOOPBACK)) {
            sender.send(new DatagramPacket(new byte[20], 20, new InetSocketAddress(LOOPBACK, one.rtpPort())));
            sender.send(new DatagramPacket(new byte[8], 8, new InetSocketAddress(LOOPBACK, one.rtcpPort())));
            // Two sockets: the receive loop reads whichever is ready first, so the order is not the sending order.
            java.util.Set<String> both = new java.util.HashSet<>();
            both.add(got.poll(10, TimeUnit.SECONDS));
            both.add(got.poll(10, TimeUnit.SECONDS));
            assertEquals(java.util.Set.of("rtp 20", "rtcp"), both);
        }
        one.registration().close();
        ReceivePortPairs.Pair again = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (again == null) { // the receive loop releases a closed port at its next turn
            try {
                again = pairs.open((d, from) -> { }, (d, from) -> { });
            } catch (IOException notYet) {
                assertTrue(System.nanoTime() < deadline, "the freed pair never came back");
                Thread.sleep(20);
            }
        }
        assertEquals(first, again.rtpPort(), "a freed pair is used again once the others are taken");
        assertNotEquals(again.rtpPort(), two.rtpPort());
    }

    @Test
    void aHeldPortIsSkipped() throws Exception {
        int first = freePair();
        try (DatagramSocket held = new DatagramSocket(first + 1, LOOPBACK)) {
            ReceivePortPairs pairs = new ReceivePortPairs(receivers, LOOPBACK, first, first + 3);
            assertEquals(first + 2, pairs.open((d, f) -> { }, (d, f) -> { }).rtpPort());
            assertEquals(2, receivers.openPorts(), "the half-opened pair was closed again");
        }
        assertTrue(ReceivePortPairs.from(new InetSocketAddress(LOOPBACK, 9), LOOPBACK));
        assertFalse(ReceivePortPairs.from(new InetSocketAddress("10.0.0.1", 9), LOOPBACK));
    }
}
