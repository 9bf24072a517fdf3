package org.tributary.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** RTCP listener bookkeeping: the latest SETUP for a client port hears its RTCP, whatever ends first. */
class UdpEndpointTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final InetSocketAddress CLIENT_RTP = new InetSocketAddress(LOOPBACK, 50000);
    private static final InetSocketAddress CLIENT_RTCP = new InetSocketAddress(LOOPBACK, 50001);

    private final UdpEndpoint endpoint = new UdpEndpoint(LOOPBACK, 0, 0);
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    UdpEndpointTest() throws Exception {
    }

    @AfterEach
    void close() {
        endpoint.close();
    }

    private UdpEndpoint.RtcpListener named(String name) {
        return packet -> heard.add(name);
    }

    @Test
    void closingTheReplacedChannelKeepsTheLatestListener() {
        RtpChannel first = endpoint.channelTo(CLIENT_RTP, CLIENT_RTCP, named("first"));
        RtpChannel second = endpoint.channelTo(CLIENT_RTP, CLIENT_RTCP, named("second"));
        first.close(); // the re-SETUP closes the track's previous transport
        UdpEndpoint.RtcpListener now = endpoint.listenerFor(CLIENT_RTCP);
        assertNotNull(now, "the second SETUP's listener was dropped");
        now.rtcpReceived(ByteBuffer.allocate(8));
        assertEquals("second", heard.poll());
        second.close();
        assertNull(endpoint.listenerFor(CLIENT_RTCP));
    }

    @Test
    void anEndedSessionDoesNotRemoveAnotherSessionsListener() {
        RtpChannel older = endpoint.channelTo(CLIENT_RTP, CLIENT_RTCP, named("older"));
        endpoint.channelTo(CLIENT_RTP, CLIENT_RTCP, named("newer"));
        older.close();
        older.close();
        endpoint.listenerFor(CLIENT_RTCP).rtcpReceived(ByteBuffer.allocate(8));
        assertEquals("newer", heard.poll());
    }

    @Test
    void rtcpFromTheClientPortReachesTheLatestListenerOverTheNetwork() throws Exception {
        Thread receiver = new Thread(endpoint);
        receiver.start();
        try (DatagramSocket client = new DatagramSocket(0, LOOPBACK)) {
            InetSocketAddress clientRtcp = new InetSocketAddress(LOOPBACK, client.getLocalPort());
            RtpChannel first = endpoint.channelTo(CLIENT_RTP, clientRtcp, named("first"));
            endpoint.channelTo(CLIENT_RTP, clientRtcp, named("second"));
            first.close();
            byte[] report = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 1};
            client.send(new DatagramPacket(report, report.length, LOOPBACK, endpoint.rtcpPort()));
            assertEquals("second", heard.poll(10, TimeUnit.SECONDS));
        } finally {
            endpoint.close();
            receiver.join(10_000);
        }
    }
}
