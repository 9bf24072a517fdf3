package org.tributary.it.rtsp;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.RtspTestClient;

import java.io.IOException;
import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Undeploying closes the RTSP port at once, and a redeploy binds it again (ResourceAdapter.stop closes every socket). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployIT {

    private static final String EAR = "ear";

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    Deployer deployer;

    private static int options() throws IOException {
        try (RtspTestClient client = new RtspTestClient()) {
            return client.request("OPTIONS", "*", 1).status();
        }
    }

    @Test
    void undeployReleasesThePortAndRedeployBindsItAgain() throws Exception {
        deployer.deploy(EAR);
        try (RtspTestClient open = new RtspTestClient()) {
            assertEquals(200, open.request("OPTIONS", "*", 1).status());
            deployer.undeploy(EAR);
            assertEquals(true, open.closedByServer(), "open connections are closed on undeploy");
        }
        assertThrows(ConnectException.class, RtspTestClient::new, "nothing listens after undeploy");
        deployer.deploy(EAR);
        try {
            assertEquals(200, options(), "the port is bound again at once");
        } finally {
            deployer.undeploy(EAR);
        }
    }
}
