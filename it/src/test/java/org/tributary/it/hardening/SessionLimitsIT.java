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

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Item 13: one client address holds at most tributary.session.max-per-address sessions; the next SETUP
 * gets 453 and one WARN line (not one per request), while another address still sets up.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionLimitsIT {

    /** The default of tributary.session.max-per-address, which the IT server keeps. */
    static final int LIMIT_PER_ADDRESS = 100;
    static final String TRACK = Endpoints.RTSP + "sample.mp4/trackID=1";
    /** Sessions that never PLAY: nothing is sent to this port. */
    static final String TRANSPORT = "Transport: RTP/AVP;unicast;client_port=40000-40001";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theSessionPastTheLimitOfOneAddressGets453AndAnotherAddressStillSetsUp() throws Exception {
        List<String> ids = new ArrayList<>();
        try (RtspTestClient crowd = new RtspTestClient(InetAddress.getByName("127.0.0.3"))) {
            try {
                int cseq = 1;
                for (int i = 0; i < LIMIT_PER_ADDRESS; i++) {
                    Response r = crowd.request("SETUP", TRACK, cseq++, TRANSPORT);
                    assertEquals(200, r.status(), "session " + (i + 1) + " of " + LIMIT_PER_ADDRESS);
                    ids.add(r.sessionId());
                }
                assertEquals(453, crowd.request("SETUP", TRACK, cseq++, TRANSPORT).status(), "one more");
                assertNotNull(ServerLog.awaitWarning("per address (" + LIMIT_PER_ADDRESS + ")", "127.0.0.3",
                        "answering 453"), "a WARN line says why");
                for (int i = 0; i < 5; i++) {
                    assertEquals(453, crowd.request("SETUP", TRACK, cseq++, TRANSPORT).status());
                }
                // Each refusal logs (or not) before its answer is sent: by now all six have had their say.
                assertEquals(1, ServerLog.warnings("per address", "127.0.0.3").size(),
                        "refusals of one address are logged once per period, not once per request");

                try (RtspTestClient neighbour = new RtspTestClient(InetAddress.getByName("127.0.0.4"))) {
                    Response other = neighbour.request("SETUP", TRACK, 1, TRANSPORT);
                    assertEquals(200, other.status(), "another address is not limited by the first one's sessions");
                    assertEquals(200, neighbour.request("TEARDOWN", Endpoints.RTSP + "sample.mp4", 2,
                            "Session: " + other.sessionId()).status());
                }

                assertEquals(200, crowd.request("TEARDOWN", Endpoints.RTSP + "sample.mp4", cseq++,
                        "Session: " + ids.remove(0)).status());
                Response freed = crowd.request("SETUP", TRACK, cseq++, TRANSPORT);
                assertEquals(200, freed.status(), "an ended session frees its place");
                ids.add(freed.sessionId());
            } finally {
                int cseq = 1000;
                for (String id : ids) {
                    crowd.request("TEARDOWN", Endpoints.RTSP + "sample.mp4", cseq++, "Session: " + id);
                }
            }
        }
    }
}
