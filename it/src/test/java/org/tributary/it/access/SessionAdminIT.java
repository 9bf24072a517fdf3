package org.tributary.it.access;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.api.SessionInfo;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EJB side lists live sessions and ends one through the adapter's outbound connection. */
@ExtendWith(ArquillianExtension.class)
class SessionAdminIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(SessionAdminIT.class, RtspTestClient.class, RtspTestClient.Response.class);
    }

    @EJB
    AdapterClient adapter;

    @Test
    void aPlayingSessionIsListedAndCanBeEnded() throws Exception {
        String url = Endpoints.RTSP + "sample.mp4";
        try (RtspTestClient client = new RtspTestClient(); DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = rtp.getLocalPort();
            RtspTestClient.Response setup = client.request("SETUP", url + "/trackID=1", 1,
                    "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1), "User-Agent: SessionAdminIT");
            String id = setup.header("Session").split(";")[0];
            assertEquals(200, client.request("PLAY", url, 2, "Session: " + id).status());
            rtp.setSoTimeout(3000);
            byte[] buffer = new byte[2048];
            for (int i = 0; i < 20; i++) {
                rtp.receive(new DatagramPacket(buffer, buffer.length));
            }

            Optional<SessionInfo> listed = adapter.sessions().stream().filter(s -> s.id().equals(id)).findFirst();
            assertTrue(listed.isPresent(), "the session is listed");
            SessionInfo info = listed.get();
            assertEquals("127.0.0.1", info.clientAddress());
            assertEquals("sample.mp4", info.path());
            assertEquals("udp", info.transport());
            assertEquals("PLAYING", info.state());
            assertEquals("SessionAdminIT", info.userAgent());
            assertTrue(info.packetsSent() >= 20 && info.bytesSent() > 10_000, info.toString());

            assertTrue(adapter.closeSession(id));
            assertFalse(adapter.closeSession(id), "already gone");
            assertTrue(adapter.sessions().stream().noneMatch(s -> s.id().equals(id)));
            // Streaming stopped: after what was in flight, nothing more arrives.
            rtp.setSoTimeout(300);
            int after = 0;
            long end = System.currentTimeMillis() + 1500;
            while (System.currentTimeMillis() < end) {
                try {
                    rtp.receive(new DatagramPacket(buffer, buffer.length));
                    after++;
                } catch (SocketTimeoutException e) {
                    break;
                }
            }
            assertTrue(after < 15, "packets kept coming after the session was ended: " + after);
            assertEquals(454, client.request("PLAY", url, 3, "Session: " + id).status());
        }
    }
}
