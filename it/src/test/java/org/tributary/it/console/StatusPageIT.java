package org.tributary.it.console;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Faces status page renders the adapter's live status (Faces active: no raw tags in the output). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatusPageIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void statusPageShowsTheRtspListener() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
                HttpRequest.newBuilder(URI.create(Endpoints.HTTP + "/"))
                        .header("Authorization", ConsoleApi.basic(ConsoleApi.ADMIN, ConsoleApi.ADMIN_PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("Server status"), html);
        assertTrue(html.contains("<td id=\"rtsp\">127.0.0.1:" + Endpoints.RTSP_PORT + "</td>"), html);
        assertTrue(html.contains(Endpoints.RTSP), html);
        assertFalse(html.contains("ui:composition"), "Faces did not process the page");
        assertFalse(html.contains("#{"), "unevaluated expressions in the page");
    }

    @Test
    void thePageNeedsAConsoleLogin() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Endpoints.HTTP + "/index.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertFalse(response.body().contains("Server status"));
    }
}
