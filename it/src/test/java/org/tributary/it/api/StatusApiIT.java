package org.tributary.it.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/status} (public: no credentials) reports the adapter's live state, read through EJB → connection factory → adapter. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatusApiIT {

    static final String BASE = Endpoints.HTTP;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    static JsonObject getStatus() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(BASE + "/api/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void reportsPortsAndCountsConnectionsLive() throws Exception {
        JsonObject before = getStatus();
        assertEquals(Endpoints.RTSP_PORT, before.getInt("rtspPort"));
        assertEquals("127.0.0.1", before.getString("rtspBindAddress"));
        assertTrue(before.getString("mediaRoot").endsWith("media"), before.getString("mediaRoot"));
        assertTrue(before.getJsonNumber("uptimeSeconds").longValue() >= 0);

        try (RtspTestClient a = new RtspTestClient(); RtspTestClient b = new RtspTestClient()) {
            a.request("OPTIONS", "*", 1);
            b.request("OPTIONS", "*", 1);
            JsonObject during = getStatus();
            assertTrue(during.getInt("openConnections") >= 2, during.toString());
            assertTrue(during.getJsonNumber("totalConnections").longValue()
                    >= before.getJsonNumber("totalConnections").longValue() + 2);
            assertTrue(during.getJsonNumber("requestsHandled").longValue()
                    >= before.getJsonNumber("requestsHandled").longValue() + 2);
        }
    }

    @Test
    void unknownApiPathIs404() throws Exception {
        HttpResponse<String> response = ConsoleApi.admin().get("/api/nothing-here");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("\"status\":404"), response.body());
    }
}
