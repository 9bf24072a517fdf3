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
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WildFly's management interface answers {@code /metrics} in the Prometheus text format (the micrometer
 * subsystem's Prometheus registry, configure-metrics.cli) and {@code /health/ready} and {@code /health/live}
 * (MicroProfile Health) without credentials, with the EAR deployed: every sample line parses, WildFly's own
 * subsystems' figures are there (Tributary's datasource), and readiness says the deployments are up.
 * Tributary's own {@code tributary_*} meters move while ffmpeg plays over UDP and TCP and when requests are
 * refused, and its readiness and liveness checks report the bound ports and the sender loops.
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

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> name.equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
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

    /** The samples of a scrape whose name starts with {@code prefix}: "name{labels}" → value (labels as sent). */
    private static Map<String, Double> scrape(String prefix) throws Exception {
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode(), metrics.body());
        Map<String, Double> samples = new TreeMap<>();
        for (String line : metrics.body().lines().toList()) {
            if (line.startsWith(prefix)) {
                assertTrue(SAMPLE.matcher(line).matches(), "not a Prometheus sample line: " + line);
                int space = line.lastIndexOf(' ');
                samples.put(withoutDeploymentLabel(line.substring(0, space)), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    /** {@code name{WF_DEPLOYMENT="tributary.ear",status="404"}} → {@code name{status="404"}}; no labels left: the name. */
    private static String withoutDeploymentLabel(String series) {
        String stripped = series.replaceAll("WF_DEPLOYMENT=\"[^\"]*\",?", "").replace(",}", "}");
        return stripped.endsWith("{}") ? stripped.substring(0, stripped.length() - 2) : stripped;
    }

    private static double value(Map<String, Double> samples, String series) {
        Double value = samples.get(series);
        assertNotNull(value, series + " is not in the scrape: " + samples.keySet());
        return value;
    }

    private static Process play(String transport) throws Exception {
        return new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-rtsp_transport", transport,
                "-i", Endpoints.RTSP + "sample.mp4", "-f", "null", "-")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void tributarysFiguresMoveWhileClientsPlayAndWhenRequestsAreRefused() throws Exception {
        Map<String, Double> before = scrape("tributary_");
        assertEquals(1.0, value(before, "tributary_adapter_up"));
        Process udp = play("udp");
        Process tcp = play("tcp");
        try {
            Map<String, Double> playing = awaitScrape(s -> s.getOrDefault("tributary_sessions{transport=\"udp\"}", 0.0) >= 1
                    && s.getOrDefault("tributary_sessions{transport=\"tcp\"}", 0.0) >= 1);
            double sentThen = value(playing, "tributary_sent_bytes_total");
            double packetsThen = value(playing, "tributary_sent_packets_total");
            Map<String, Double> later = awaitScrape(s -> s.getOrDefault("tributary_sent_bytes_total", 0.0) > sentThen
                    && s.getOrDefault("tributary_sent_packets_total", 0.0) > packetsThen
                    && s.getOrDefault("tributary_sent_bits_per_second", 0.0) > 0);
            assertTrue(value(later, "tributary_sent_bytes_total") > value(playing, "tributary_sent_bytes_total"),
                    "bytes sent grow while two clients play: " + value(playing, "tributary_sent_bytes_total") + " then "
                            + value(later, "tributary_sent_bytes_total"));
            assertTrue(value(later, "tributary_sent_packets_total") > value(playing, "tributary_sent_packets_total"));
            assertTrue(value(later, "tributary_rtsp_setup_seconds_count") >= value(before, "tributary_rtsp_setup_seconds_count") + 4,
                    "two clients set up two tracks each");
            assertTrue(value(later, "tributary_rtsp_setup_seconds_buckets_total{le=\"+Inf\"}")
                    == value(later, "tributary_rtsp_setup_seconds_count"), "the +Inf bucket counts every SETUP");
            assertTrue(value(later, "tributary_rtsp_setup_seconds_sum") > 0);
            assertTrue(value(later, "tributary_sender_lag_seconds_count") > value(before, "tributary_sender_lag_seconds_count"));
            assertTrue(value(later, "tributary_rtsp_requests_total") > value(before, "tributary_rtsp_requests_total"));
            assertTrue(value(later, "tributary_sent_bits_per_second") > 0);
            assertTrue(value(later, "tributary_rtsp_connections") >= 2, "the two clients' connections");
            assertEquals(value(later, "tributary_sender_loops"), value(later, "tributary_sender_loops_running"));
        } finally {
            udp.destroy();
            tcp.destroy();
            udp.waitFor(10, TimeUnit.SECONDS);
            tcp.waitFor(10, TimeUnit.SECONDS);
        }

        double notFound = scrape("tributary_").getOrDefault("tributary_refusals_total{status=\"404\"}", 0.0);
        double unauthorized = scrape("tributary_").getOrDefault("tributary_refusals_total{status=\"401\"}", 0.0);
        try (RtspTestClient client = new RtspTestClient()) {
            assertEquals(404, client.request("DESCRIBE", Endpoints.RTSP + "it-metrics-no-such.mp4", 1).status());
        }
        Path folder = Path.of(System.getProperty("it.media.dir")).resolve("it-metrics-auth");
        Files.createDirectories(folder);
        Files.copy(Path.of(System.getProperty("it.media.dir"), "sample.mp4"), folder.resolve("sample.mp4"),
                StandardCopyOption.REPLACE_EXISTING);
        ConsoleApi admin = ConsoleApi.admin();
        HttpResponse<String> rule = admin.postJson("/api/rules", "{\"path\":\"it-metrics-auth\",\"read\":{\"audience\":\"any-user\"}}");
        assertEquals(201, rule.statusCode(), rule.body());
        try (RtspTestClient client = new RtspTestClient()) {
            assertEquals(401, client.request("DESCRIBE", Endpoints.RTSP + "it-metrics-auth/sample.mp4", 1).status());
        } finally {
            long id = Json.createReader(new StringReader(rule.body())).readObject().getJsonNumber("id").longValue();
            assertEquals(204, admin.delete("/api/rules/" + id).statusCode());
        }
        Map<String, Double> refused = awaitScrape(s -> s.getOrDefault("tributary_refusals_total{status=\"404\"}", 0.0) > notFound
                && s.getOrDefault("tributary_refusals_total{status=\"401\"}", 0.0) > unauthorized);
        assertEquals(notFound + 1, value(refused, "tributary_refusals_total{status=\"404\"}"));
        assertEquals(unauthorized + 1, value(refused, "tributary_refusals_total{status=\"401\"}"));
        assertTrue(value(refused, "tributary_access_decision_seconds_count") > value(before, "tributary_access_decision_seconds_count"),
                "the 401 was decided by the policy bean");
    }

    /** Scrapes until {@code ready} holds for Tributary's samples (the snapshot is at most a second old), for 15 s. */
    private static Map<String, Double> awaitScrape(java.util.function.Predicate<Map<String, Double>> ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Map<String, Double> samples = scrape("tributary_");
        while (!ready.test(samples)) {
            assertTrue(System.nanoTime() < deadline, "the figures did not move; last scrape: " + samples);
            Thread.sleep(300);
            samples = scrape("tributary_");
        }
        return samples;
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
        JsonObject tributary = check(body, "tributary-ready");
        assertEquals("UP", tributary.getString("status"), ready.body());
        JsonObject data = tributary.getJsonObject("data");
        assertEquals("listening", data.getString("adapter"), ready.body());
        assertEquals(Endpoints.RTSP_PORT, data.getJsonNumber("rtsp-port").intValue(), ready.body());
        assertEquals(Endpoints.TUNNEL_PORT, data.getJsonNumber("http-tunnel-port").intValue(), ready.body());
        assertEquals("answering", data.getString("database"), ready.body());

        HttpResponse<String> live = get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        JsonObject liveBody = Json.createReader(new StringReader(live.body())).readObject();
        assertEquals("UP", liveBody.getString("status"));
        JsonObject loops = check(liveBody, "tributary-live").getJsonObject("data");
        assertTrue(loops.getJsonNumber("sender-loops").intValue() >= 1, live.body());
        assertEquals(loops.getJsonNumber("sender-loops").intValue(), loops.getJsonNumber("sender-loops-running").intValue());
    }
}
