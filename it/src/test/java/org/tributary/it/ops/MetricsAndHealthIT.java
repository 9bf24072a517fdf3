package org.tributary.it.ops;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.Deployments;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WildFly's management interface answers {@code /metrics} in the Prometheus text format (the micrometer
 * subsystem's Prometheus registry, configure-metrics.cli) and {@code /health/ready} and {@code /health/live}
 * (MicroProfile Health) without credentials, with the EAR deployed: every sample line parses, WildFly's own
 * subsystems' figures are there (Tributary's datasource), and readiness says the deployments are up.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsAndHealthIT {

    private static final String MANAGEMENT = "http://127.0.0.1:" + System.getProperty("it.management.port", "9990");
    /** A sample line: name, optional {labels}, a value (Prometheus text format 0.0.4). */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? (-?[0-9.eE+-]+|NaN|[+-]Inf)( -?[0-9]+)?");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(MANAGEMENT + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAreInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> metrics = get("/metrics");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "metrics-scrape.txt"), metrics.body());
        assertEquals(200, metrics.statusCode(), metrics.body());
        Set<String> typed = new HashSet<>();
        List<String> lines = metrics.body().lines().filter(l -> !l.isBlank()).toList();
        for (String line : lines) {
            if (line.startsWith("# TYPE ")) {
                typed.add(line.split(" ")[2]);
            } else if (!line.startsWith("#")) {
                assertTrue(SAMPLE.matcher(line).matches(), "not a Prometheus sample line: " + line);
            }
        }
        assertTrue(typed.size() >= 20, "only " + typed.size() + " metric families: " + typed);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("datasources_") && l.contains("name=\"TributaryDS\"")),
                "WildFly's figures of Tributary's datasource are not exposed (exposed-subsystems)");
    }

    @Test
    void readinessAndLivenessAreUpWithTheDeployment() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject body = Json.createReader(new StringReader(ready.body())).readObject();
        assertEquals("UP", body.getString("status"), ready.body());
        boolean deployments = body.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .anyMatch(c -> "deployments-status".equals(c.getString("name")) && "UP".equals(c.getString("status")));
        assertTrue(deployments, "no deployments-status check UP: " + ready.body());
        HttpResponse<String> live = get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", Json.createReader(new StringReader(live.body())).readObject().getString("status"));
    }
}
