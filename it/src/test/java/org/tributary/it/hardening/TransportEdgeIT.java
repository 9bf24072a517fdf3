package org.tributary.it.hardening;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.RtspTestClient.Response;

import java.io.DataInputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Item 14 (part): interleaved channels that leave no room for RTCP, or that another track of the
 * connection uses, get 461; and RTCP receiver reports keep a UDP session alive after a repeated SETUP on
 * the same client ports, or after another session on those ports ended (the IT server's timeout is 8 s).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransportEdgeIT {

    static final String URL = Endpoints.RTSP + "long.mp4";
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Longer than the IT server's 8 s session timeout. */
    static final long SILENCE_NANOS = 12_000_000_000L;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void channel255AndChannelsInUseAreRefusedAndTheConnectionStillPlays() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            assertEquals(461, client.request("SETUP", URL + "/trackID=1", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=255").status(), "RTCP would wrap to channel 0");
            assertNotNull(ServerLog.awaitWarning("interleaved=255", "no channel for RTCP", "answering 461"));

            Response video = client.request("SETUP", URL + "/trackID=1", 2, "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, video.status());
            String session = "Session: " + video.sessionId();
            assertEquals(461, client.request("SETUP", URL + "/trackID=2", 3, session,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1").status(), "the video track's channels");
            assertEquals(461, client.request("SETUP", URL + "/trackID=2", 4, session,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=1").status(), "RTP on the video's RTCP channel");
            assertNotNull(ServerLog.awaitWarning("interleaved=1 ", "already used by track 1", "answering 461"));
            assertEquals(200, client.request("SETUP", URL + "/trackID=2", 5, session,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=2-3").status());
            assertEquals(200, client.request("SETUP", URL + "/trackID=1", 6, session,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1").status(), "a track may repeat its own SETUP");
            assertEquals(200, client.request("PLAY", URL, 7, session).status());

            // Both tracks' RTP arrives on their own channels, nothing on a channel nobody set up.
            DataInputStream in = new DataInputStream(client.input());
            Set<Integer> rtpChannels = new HashSet<>();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (rtpChannels.size() < 2 && System.nanoTime() < deadline) {
                assertEquals('$', in.readUnsignedByte(), "an interleaved frame");
                int channel = in.readUnsignedByte();
                in.readFully(new byte[in.readUnsignedShort()]);
                assertTrue(channel <= 3, "channel " + channel);
                if (channel == 0 || channel == 2) {
                    rtpChannels.add(channel);
                }
            }
            assertEquals(Set.of(0, 2), rtpChannels);
        }
    }

    /** Two UDP sockets on consecutive ports, the first even, as RTP clients use. */
    record ClientPorts(DatagramSocket rtp, DatagramSocket rtcp) implements AutoCloseable {
        static ClientPorts open() throws Exception {
            for (int attempt = 0; ; attempt++) {
                DatagramSocket rtp = new DatagramSocket(0, LOOPBACK);
                if (rtp.getLocalPort() % 2 == 0 && rtp.getLocalPort() < 65535) {
                    try {
                        return new ClientPorts(rtp, new DatagramSocket(rtp.getLocalPort() + 1, LOOPBACK));
                    } catch (SocketException taken) {
                        // try another pair
                    }
                }
                rtp.close();
                if (attempt > 100) {
                    throw new IllegalStateException("no free UDP port pair");
                }
            }
        }

        String transport() {
            return "Transport: RTP/AVP;unicast;client_port=" + rtp.getLocalPort() + "-" + rtcp.getLocalPort();
        }

        @Override
        public void close() {
            rtp.close();
            rtcp.close();
        }
    }

    static int serverRtcpPort(Response setup) {
        Matcher m = Pattern.compile("server_port=\\d+-(\\d+)").matcher(setup.header("Transport"));
        assertTrue(m.find(), setup.header("Transport"));
        return Integer.parseInt(m.group(1));
    }

    /** Sends an RTCP receiver report every second from the client's RTCP port, with no RTSP request, for 12 s. */
    static void onlyReceiverReports(ClientPorts ports, int serverRtcpPort) throws Exception {
        byte[] rr = {(byte) 0x80, (byte) 201, 0, 1, 0x12, 0x34, 0x56, 0x78}; // RR, no report blocks
        long end = System.nanoTime() + SILENCE_NANOS;
        while (System.nanoTime() < end) {
            ports.rtcp().send(new DatagramPacket(rr, rr.length, LOOPBACK, serverRtcpPort));
            Thread.sleep(1000); // the reports' pace, not an assertion
        }
    }

    @Test
    void receiverReportsKeepTheSessionAliveAfterARepeatedSetupOnTheSamePorts() throws Exception {
        try (RtspTestClient client = new RtspTestClient(); ClientPorts ports = ClientPorts.open()) {
            Response first = client.request("SETUP", URL + "/trackID=1", 1, ports.transport());
            assertEquals(200, first.status());
            String session = "Session: " + first.sessionId();
            Response repeated = client.request("SETUP", URL + "/trackID=1", 2, session, ports.transport());
            assertEquals(200, repeated.status(), "a client repeating SETUP for a track");
            assertEquals(200, client.request("PLAY", URL, 3, session).status());
            onlyReceiverReports(ports, serverRtcpPort(repeated));
            assertEquals(200, client.request("GET_PARAMETER", URL, 4, session).status(),
                    "12 s without a request, kept alive by the reports alone");
            assertEquals(200, client.request("TEARDOWN", URL, 5, session).status());
        }
    }

    @Test
    void anEndedSessionDoesNotDeafenTheNextOneOnTheSamePorts() throws Exception {
        try (RtspTestClient older = new RtspTestClient(); RtspTestClient newer = new RtspTestClient();
             ClientPorts ports = ClientPorts.open()) {
            Response gone = older.request("SETUP", URL + "/trackID=1", 1, ports.transport());
            assertEquals(200, gone.status());
            Response kept = newer.request("SETUP", URL + "/trackID=1", 1, ports.transport());
            assertEquals(200, kept.status());
            String session = "Session: " + kept.sessionId();
            assertEquals(200, newer.request("PLAY", URL, 2, session).status());
            assertEquals(200, older.request("TEARDOWN", URL, 2, "Session: " + gone.sessionId()).status());
            onlyReceiverReports(ports, serverRtcpPort(kept));
            assertEquals(200, newer.request("GET_PARAMETER", URL, 3, session).status(),
                    "the newer session still hears its client's reports");
            assertEquals(200, newer.request("TEARDOWN", URL, 4, session).status());
        }
    }
}
