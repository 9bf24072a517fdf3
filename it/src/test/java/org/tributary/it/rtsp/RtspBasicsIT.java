package org.tributary.it.rtsp;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RTSP over a raw socket: what every request must get, whatever the method. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RtspBasicsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void optionsEchoesCSeqAndListsMethods() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            Response r = client.request("OPTIONS", Endpoints.RTSP, 7);
            assertEquals(200, r.status());
            assertEquals("OK", r.reason());
            assertEquals("7", r.header("CSeq"));
            assertTrue(r.header("Public").contains("OPTIONS"), r.header("Public"));
            assertTrue(r.header("Server").startsWith("Tributary/"), r.header("Server"));
        }
    }

    @Test
    void serverWideOptionsWithStar() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            Response r = client.request("OPTIONS", "*", 1);
            assertEquals(200, r.status());
            assertEquals("1", r.header("CSeq"));
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            client.sendRaw("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\nOPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n"
                    + "FROB * RTSP/1.0\r\nCSeq: 3\r\n\r\nOPTIONS * RTSP/1.0\r\nCSeq: 4\r\n\r\n");
            int[] expectedStatus = {200, 200, 501, 200};
            for (int i = 0; i < 4; i++) {
                Response r = client.readResponse();
                assertEquals(String.valueOf(i + 1), r.header("CSeq"));
                assertEquals(expectedStatus[i], r.status());
            }
        }
    }

    @Test
    void unknownMethodGets501() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            Response r = client.request("FROBNICATE", Endpoints.RTSP + "x", 3);
            assertEquals(501, r.status());
            assertEquals("Not Implemented", r.reason());
            assertEquals("3", r.header("CSeq"));
        }
    }

    @Test
    void missingCSeqGets400() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            client.sendRaw("OPTIONS * RTSP/1.0\r\nUser-Agent: test\r\n\r\n");
            assertEquals(400, client.readResponse().status());
        }
    }

    @Test
    void otherVersionGets505() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            client.sendRaw("OPTIONS * RTSP/2.0\r\nCSeq: 9\r\n\r\n");
            Response r = client.readResponse();
            assertEquals(505, r.status());
            assertEquals("9", r.header("CSeq"));
        }
    }

    @Test
    void garbageGets400AndTheConnectionCloses() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            client.sendRaw("this is not rtsp at all\r\n\r\n");
            assertEquals(400, client.readResponse().status());
            assertTrue(client.closedByServer());
        }
        // The adapter is still healthy afterwards.
        try (RtspTestClient client = new RtspTestClient()) {
            assertEquals(200, client.request("OPTIONS", "*", 1).status());
        }
    }

    @Test
    void oversizedHeaderGets400NotAHang() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            client.sendRaw("OPTIONS * RTSP/1.0\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
            assertEquals(400, client.readResponse().status());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void oversizedBodyGets413() throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            client.sendRaw("SET_PARAMETER * RTSP/1.0\r\nCSeq: 2\r\nContent-Length: 99999999\r\n\r\n");
            assertEquals(413, client.readResponse().status());
        }
    }
}
