package org.tributary.it.console;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;

import java.io.StringReader;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test server is a single server, no cluster node: {@code GET /api/cluster} says so with no nodes, a node's
 * sessions are a 404, and the Cluster page (linked in the navigation) says how to start cluster nodes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClusterPageSingleIT extends BrowserTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void logIn() {
        browser.logInAsAdmin();
    }

    @Test
    void theApiSaysThisServerIsNoClusterNode() throws Exception {
        HttpResponse<String> response = ConsoleApi.admin().get("/api/cluster");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject cluster = Json.createReader(new StringReader(response.body())).readObject();
        assertFalse(cluster.getBoolean("clustered"), response.body());
        assertTrue(cluster.isNull("self"), response.body());
        assertEquals(0, cluster.getJsonArray("nodes").size(), response.body());
        assertEquals(0, cluster.getJsonObject("totals").getInt("nodes"), response.body());

        HttpResponse<String> sessions = ConsoleApi.admin().get("/api/cluster/nodes/edge9/sessions");
        assertEquals(404, sessions.statusCode(), sessions.body());
        assertTrue(sessions.body().contains("cluster node 'edge9' not found"), sessions.body());
        HttpResponse<String> end = ConsoleApi.admin().delete("/api/cluster/nodes/edge9/sessions/123");
        assertEquals(404, end.statusCode(), end.body());
        HttpResponse<String> command = ConsoleApi.admin().get("/api/cluster/commands/123456789");
        assertEquals(404, command.statusCode(), command.body());
        assertTrue(command.body().contains("cluster command 123456789 not found"), command.body());
    }

    @Test
    void theClusterPageSaysHowToStartClusterNodes() {
        browser.open("/index.xhtml");
        browser.clickAndWaitForPage(By.id("nav-cluster"));
        String message = browser.textOf(By.id("cluster-not-clustered"));
        assertTrue(message.contains("This server is not a cluster node: start nodes with scripts/cluster-node.sh,"
                + " see docs/CLUSTER.md"), message);
        assertFalse(browser.present(By.id("cluster-nodes")));
    }
}
