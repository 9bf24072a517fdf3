package org.tributary.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/** RTP arriving on the shared port reaches the registration of its sender address or SSRC, within limits. */
class UdpEndpointRtpReceiveTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final UdpEndpoint endpoint = new UdpEndpoint(LOOPBACK, 0, 0);
    private final Thread receiver = new Thread(endpoint);
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private final List<DatagramSocket> clients = new ArrayList<>();

    UdpEndpointRtpReceiveTest() throws Exception {
        receiver.start();
    }

    @AfterEach
    void close() throws InterruptedException {
        clients.forEach(DatagramSocket::close);
        endpoint.close();
        receiver.join(10_000);
    }

    private DatagramSocket client() throws Exception {
        DatagramSocket socket = new DatagramSocket(0, LOOPBACK);
        clients.add(socket);
        return socket;
    }

    private static InetSocketAddress address(DatagramSocket socket) {
        return new InetSocketAddress(LOOPBACK, socket.getLocalPort());
    }

    /** An RTP packet with the given SSRC and sequence number and a one-byte payload. */
    private void send(DatagramSocket from, long ssrc, int seq) throws Exception {
        ByteBuffer packet = ByteBuffer.allocate(13);
        packet.put((byte) 0x80).put((byte) 96).putShort((short) seq).putInt(0).putInt((int) ssrc).put((byte) 7);
        from.send(new DatagramPacket(packet.array(), 13, LOOPBACK, endpoint.rtpPort()));
    }

    private UdpEndpoint.RtpListener named(String name) {
        return (packet, from) -> heard.add(name + ":" + (packet.getShort(packet.position() + 2) & 0xFFFF)
                + ":" + packet.remaining());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void rtpFromARegisteredSenderReachesItsListener() throws Exception {
        DatagramSocket publisher = client();
        endpoint.receiveRtpFrom(address(publisher), named("pub"));
        send(publisher, 1, 100);
        send(publisher, 1, 101);
        assertEquals("pub:100:13", heard.poll(10, TimeUnit.SECONDS));
        assertEquals("pub:101:13", heard.poll(10, TimeUnit.SECONDS));
        assertEquals(2, endpoint.rtpReceived());
    }

    @Test
    void rtpIsClaimedBySsrcWhenNoSenderAddressIsRegistered() throws Exception {
        DatagramSocket natted = client();
        endpoint.receiveRtpWithSsrc(0xCAFEBABEL, named("ssrc"));
        send(natted, 0xCAFEBABEL, 5);
        assertEquals("ssrc:5:13", heard.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void unclaimedRtpIsCountedAndDroppedAndAClosedRegistrationHearsNothing() throws Exception {
        DatagramSocket publisher = client();
        UdpEndpoint.Registration registration = endpoint.receiveRtpFrom(address(publisher), named("pub"));
        registration.close();
        send(publisher, 1, 1);
        send(client(), 2, 2);
        await(() -> endpoint.rtpUnclaimed() == 2, "both packets were dropped");
        assertEquals(0, endpoint.rtpReceived());
        assertEquals(null, heard.poll());
    }

    @Test
    void registrationsAreLimitedAndASenderIsTakenOnce() throws Exception {
        endpoint.maxRtpReceivers(2);
        DatagramSocket a = client();
        endpoint.receiveRtpFrom(address(a), named("a"));
        assertThrows(IllegalStateException.class, () -> endpoint.receiveRtpFrom(address(a), named("again")));
        UdpEndpoint.Registration ssrc = endpoint.receiveRtpWithSsrc(9, named("b"));
        assertThrows(IllegalStateException.class, () -> endpoint.receiveRtpWithSsrc(10, named("c")));
        ssrc.close();
        endpoint.receiveRtpWithSsrc(10, named("c"));
    }

    @Test
    void packetsLandingOnAPerThreadSenderSocketAreReadToo() throws Exception {
        // Sending from other threads opens SO_REUSEPORT sockets on the RTP port; the kernel spreads
        // arriving datagrams over all of them by the sender's address.
        DatagramSocket sink = client();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> endpoint.channelTo(address(sink), address(sink), p -> { })
                    .sendRtp(ByteBuffer.wrap(new byte[12])));
            senders.add(t);
            t.start();
        }
        for (Thread t : senders) {
            t.join(10_000);
        }
        List<DatagramSocket> publishers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            DatagramSocket publisher = client();
            publishers.add(publisher);
            endpoint.receiveRtpFrom(address(publisher), named("p" + i));
        }
        for (int i = 0; i < 16; i++) {
            send(publishers.get(i), i, i);
        }
        await(() -> endpoint.rtpReceived() == 16, "every publisher's packet was read, whichever socket it reached");
    }
}
