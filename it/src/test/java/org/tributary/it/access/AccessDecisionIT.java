package org.tributary.it.access;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.ejb.access.AccessService;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole control loop, from inside the server: a rule stored with JPA; an RTSP request on the
 * wire; the adapter asks the MDB, which decides from the database and returns the decision the adapter
 * answers with; changing the rule clears the adapter's cache through the outbound connection.
 */
@ExtendWith(ArquillianExtension.class)
class AccessDecisionIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(AccessDecisionIT.class, RtspTestClient.class,
                RtspTestClient.Response.class);
    }

    @EJB
    AccessService accessService;

    @AfterEach
    void removeRules() {
        accessService.removeRule("it-private");
    }

    private static int describe(String path) throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            return client.request("DESCRIBE", Endpoints.RTSP + path, 2, "Accept: application/sdp").status();
        }
    }

    @Test
    void aDenyRuleInTheDatabaseRefusesThePathWith403() throws Exception {
        int before = describe("it-private/clip.mp4");
        assertTrue(before != 403, "nothing denies the path yet, got " + before);

        // Access to a missing file is decided on its nearest existing folder: the denied folders must exist.
        Files.createDirectories(Path.of(System.getProperty("tributary.media.root"), "it-private", "sub"));
        accessService.putRule("/it-private/", false, "integration test");
        assertTrue(accessService.rules().stream().anyMatch(r -> r.getPathPrefix().equals("it-private")),
                "the rule was stored");

        assertEquals(403, describe("it-private/clip.mp4"), "the MDB's decision is applied");
        assertEquals(403, describe("it-private/sub/other.mp4"), "the rule covers sub-folders");
        assertTrue(describe("it-public/clip.mp4") != 403, "other paths stay open");

        accessService.removeRule("it-private");
        assertTrue(describe("it-private/clip.mp4") != 403, "removing the rule cleared the adapter's cache at once");
    }

    @Test
    void optionsNeedsNoDecision() throws Exception {
        accessService.putRule("it-private", false, "integration test");
        try (RtspTestClient client = new RtspTestClient()) {
            assertEquals(200, client.request("OPTIONS", Endpoints.RTSP + "it-private/clip.mp4", 1).status());
        }
    }
}
