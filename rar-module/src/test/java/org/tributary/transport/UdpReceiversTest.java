package org.tributary.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A port opened for a multicast group joins it where this host's route to the group leads. */
class UdpReceiversTest {

    private static final InetAddress GROUP = group();

    private UdpReceivers receivers;
    private Thread loop;

    private static InetAddress group() {
        try {
            return InetAddress.getByName("239.255.78.9");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

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

    /** Whether the system has a route for the group (a connected socket gets a real source address). */
    private static boolean routed() {
        try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET)) {
            probe.connect(new InetSocketAddress(GROUP, 9));
            return !((InetSocketAddress) probe.getLocalAddress()).getAddress().isAnyLocalAddress();
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aGroupSentToByTheSystemsRouteIsReceivedWithoutNamingAnInterface() throws Exception {
        assumeTrue(routed(), "no route for 224.0.0.0/4 on this host: multicast cannot be looped back here");
        int port;
        try (DatagramSocket free = new DatagramSocket(0)) {
            port = free.getLocalPort();
        }
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        try (UdpEndpoint.Registration ignored = receivers.open(null, port, GROUP, null,
                (datagram, from) -> got.add(StandardCharsets.US_ASCII.decode(datagram).toString()));
             DatagramChannel sender = DatagramChannel.open(StandardProtocolFamily.INET)) {
            sender.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 0); // never leaves this host
            sender.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            String received = null;
            for (int attempt = 0; attempt < 50 && received == null; attempt++) {
                sender.send(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)), new InetSocketAddress(GROUP, port));
                received = got.poll(100, TimeUnit.MILLISECONDS); // the loop registers the port asynchronously
            }
            assertEquals("hello", received);
        }
    }
}
