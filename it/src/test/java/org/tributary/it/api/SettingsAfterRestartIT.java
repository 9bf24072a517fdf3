package org.tributary.it.api;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;

import java.net.DatagramSocket;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.it.api.ConsoleApiIT.ADMIN;
import static org.tributary.it.api.ConsoleApiIT.object;

/**
 * Settings that need a restart take effect when the application starts again: the stored ones are handed
 * to the adapter at startup (here: undeploy and deploy, which restarts the adapter). The stored settings
 * are removed at the end, so the next deployment starts with the run's defaults.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsAfterRestartIT {

    private static final String EAR = "ear";

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void theRtpPortAndBindAddressSavedBeforeARestartAreUsedAfterIt() throws Exception {
        int rtpPort;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            rtpPort = probe.getLocalPort() & ~1;
        }
        deployer.deploy(EAR);
        try {
            HttpResponse<String> saved = ADMIN.putJson("/api/settings", "{\"rtpPort\": " + rtpPort
                    + ", \"rtspBindAddress\": \"0.0.0.0\", \"sessionTimeoutSeconds\": 21}");
            assertEquals(200, saved.statusCode(), saved.body());
            assertEquals(List.of("rtspBindAddress", "rtpPort"), object(saved).getJsonArray("needRestart")
                    .getValuesAs(jakarta.json.JsonString::getString));
            int running = Integer.getInteger("it.rtp.port", 6970);
            assertEquals("server_port=" + running + "-" + (running + 1), serverPortOfANewSession());

            deployer.undeploy(EAR);
            deployer.deploy(EAR);

            assertEquals("server_port=" + rtpPort + "-" + (rtpPort + 1), serverPortOfANewSession());
            JsonObject status = object(ADMIN.get("/api/status"));
            assertEquals("0.0.0.0", status.getString("rtspBindAddress"));
            assertEquals(Endpoints.RTSP_PORT, status.getInt("rtspPort"));
            JsonObject settings = object(ADMIN.get("/api/settings"));
            assertEquals(0, settings.getJsonArray("pendingRestart").size(), settings.toString());
            assertEquals(21, settings.getJsonObject("settings").getInt("sessionTimeoutSeconds"));
        } finally {
            try {
                HttpResponse<String> reset = ADMIN.delete("/api/settings");
                assertEquals(200, reset.statusCode(), reset.body());
            } finally {
                deployer.undeploy(EAR);
            }
        }
    }

    /** "server_port=a-b" of a SETUP's Transport answer, after checking the session timeout announced. */
    private static String serverPortOfANewSession() throws Exception {
        try (RtspTestClient client = new RtspTestClient(); DatagramSocket rtp = new DatagramSocket(0)) {
            int port = rtp.getLocalPort();
            RtspTestClient.Response setup = client.request("SETUP", Endpoints.RTSP + "sample.mp3", 1,
                    "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
            assertEquals(200, setup.status(), setup.reason());
            assertTrue(setup.header("Session").endsWith("timeout=21"), setup.header("Session"));
            client.request("TEARDOWN", Endpoints.RTSP + "sample.mp3", 2, "Session: " + setup.header("Session").split(";")[0]);
            String transport = setup.header("Transport");
            int at = transport.indexOf("server_port=");
            String rest = transport.substring(at);
            return rest.contains(";") ? rest.substring(0, rest.indexOf(';')) : rest;
        }
    }
}
