package org.tributary.it.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.OpenApiValidator;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document (/openapi) against the real API: every operation names the schema of its answer and
 * of its errors, every JSON GET answers (with data in every list: a user, a group, a rule, a broadcaster, a
 * session playing) exactly as its schema says, and so do the bodies the test sends and the answers to them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiSchemaIT {

    private static final String ROOT = "/tributary";
    private static final String JSON = "application/json";
    private static final ConsoleApi ADMIN = ConsoleApi.admin();
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
    /** The lists this test fills (and so checks with members in them). */
    private static final List<String> FILLED = List.of("/api/users", "/api/groups", "/api/rules", "/api/broadcasters",
            "/api/sessions", "/api/console-accounts", "/api/media", "/api/local-broadcasters", "/api/channels", "/api/relays",
            "/api/stats/history", "/api/logs/errors");

    /**
     * GETs of one cluster node or command: the test server is no cluster node, so there is none to fetch
     * (ClusterPageSingleIT checks their 404s; the cluster's own tests check their answers).
     */
    private static final List<String> CLUSTER_ONLY = List.of("GET /api/cluster/nodes/{node}/sessions",
            "GET /api/cluster/commands/{id}");

    private static final String PLAYED = "long.mp4";

    private static JsonObject document;
    private static OpenApiValidator validator;
    private static Process player;
    private static long ruleId = -1;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void documentAndData() throws Exception {
        ConsoleApiIT.consoleAccounts();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Endpoints.HTTP_PORT + "/openapi?format=JSON"))
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        document = Json.createReader(new StringReader(response.body())).readObject();
        // Kept for reading when a check fails: it/target/openapi.json (beside server-log)
        Files.writeString(Path.of(System.getProperty("it.log.dir")).resolveSibling("openapi.json"), response.body());
        validator = new OpenApiValidator(document);

        ConsoleApiIT.mediaFolder("it-openapi");
        created(send("POST", "/api/users", "{\"name\":\"it-oa-user\",\"realm\":\"Streaming Server\",\"password\":\"oa pw 123\"}"));
        created(send("POST", "/api/groups", "{\"name\":\"it-oa-group\",\"members\":[\"it-oa-user\"]}"));
        HttpResponse<String> rule = created(send("POST", "/api/rules", ruleBody()));
        ruleId = ConsoleApiIT.object(rule).getJsonNumber("id").longValue();
        created(send("POST", "/api/broadcasters", "{\"user\":\"it-oa-user\",\"paths\":[\"it-oa-live/\"]}"));
        created(send("POST", "/api/channels", "{\"name\":\"it-oa-channel\",\"mount\":\"channels/it-oa-channel.sdp\","
                + "\"kind\":\"stream\",\"mode\":\"sequential\",\"items\":[{\"path\":\"channels/one.mp4\",\"weight\":10}]}"));
        HttpResponse<String> relay = send("PUT", "/api/relays/it-oa-relay", relayBody(30));
        assertTrue(relay.statusCode() == 201 || relay.statusCode() == 200, relay.body());

        player = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-rtsp_transport", "tcp", "-i", Endpoints.RTSP + PLAYED, "-f", "null", "-")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitMembers("/api/sessions");
        awaitMembers("/api/stats/history");
    }

    private static String ruleBody() {
        return "{\"path\":\"it-openapi\",\"scheme\":\"digest\",\"read\":{\"audience\":\"listed\",\"users\":[\"it-oa-user\"],"
                + "\"groups\":[\"it-oa-group\"]},\"write\":{\"audience\":\"nobody\"},\"allowFrom\":[],\"denyFrom\":[],"
                + "\"note\":\"made by OpenApiSchemaIT\"}";
    }

    private static String relayBody(int linger) {
        return "{\"direction\":\"pull\",\"path\":\"it-openapi/relayed.sdp\",\"url\":\"rtsp://127.0.0.1:9/nothing\","
                + "\"user\":\"oa-user\",\"password\":\"oa relay pw\",\"transport\":\"tcp\",\"onDemand\":true,"
                + "\"lingerSeconds\":" + linger + ",\"enabled\":true}";
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 201 || response.statusCode() == 409, response.body());
        return response;
    }

    private static void awaitMembers(String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ConsoleApiIT.array(ADMIN.get(path)).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, path + " stayed empty for 30 s");
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (player != null) {
            player.destroy();
            player.waitFor(10, TimeUnit.SECONDS);
            awaitStatsWithout(PLAYED);
        }
        ADMIN.delete("/api/broadcasters/it-oa-user");
        ADMIN.delete("/api/channels/it-oa-channel");
        ADMIN.delete("/api/relays/it-oa-relay");
        if (ruleId >= 0) {
            ADMIN.delete("/api/rules/" + ruleId);
        }
        ADMIN.delete("/api/groups/it-oa-group");
        ADMIN.delete("/api/users/it-oa-user");
    }

    /**
     * Waits until the played file's session is gone and a statistics sample taken after that no longer
     * counts it, so that the next test class starts from quiet statistics.
     */
    private static void awaitStatsWithout(String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ConsoleApiIT.array(ADMIN.get("/api/sessions")).toString().contains("\"" + path + "\"")) {
            assertTrue(System.nanoTime() < deadline, "the session of " + path + " did not end");
            Thread.sleep(200);
        }
        Instant ended = Instant.now();
        while (true) {
            JsonObject stats = ConsoleApiIT.object(ADMIN.get("/api/stats"));
            if (Instant.parse(stats.getString("time")).isAfter(ended)
                    && !stats.getJsonArray("topFiles").toString().contains("\"" + path + "\"")) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the statistics still count " + path + ": " + stats);
            Thread.sleep(500);
        }
    }

    /** The API's operations: "GET /api/users" to its description. */
    private static Map<String, JsonObject> operations() {
        Map<String, JsonObject> out = new java.util.TreeMap<>();
        document.getJsonObject("paths").forEach((path, item) -> {
            if (path.startsWith(ROOT + "/api/")) {
                item.asJsonObject().forEach((method, operation) -> {
                    if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                        out.put(method.toUpperCase(Locale.ROOT) + " " + path.substring(ROOT.length()), operation.asJsonObject());
                    }
                });
            }
        });
        return out;
    }

    private static JsonObject operation(String method, String path) {
        JsonObject operation = operations().get(method + " " + template(path));
        assertNotNull(operation, method + " " + path + " is not in the document");
        return operation;
    }

    /** The document's path for a real one: "/api/users/ann" is "/api/users/{name}" ("{path}" takes the rest). */
    private static String template(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        List<String> templates = operations().keySet().stream().map(key -> key.substring(key.indexOf(' ') + 1)).toList();
        if (templates.contains(bare)) {
            return bare;
        }
        for (String template : templates) {
            String regex = Arrays.stream(template.split("/", -1))
                    .map(part -> part.equals("{path}") ? ".+" : part.startsWith("{") ? "[^/]+" : Pattern.quote(part))
                    .collect(Collectors.joining("/"));
            if (bare.matches(regex)) {
                return template;
            }
        }
        return bare;
    }

    /** The JSON schema of an answer with this status (else of "default"), or null when it has no body. */
    private static JsonObject responseSchema(JsonObject operation, int status) {
        JsonObject responses = operation.getJsonObject("responses");
        JsonObject response = responses.getJsonObject(Integer.toString(status));
        if (response == null) {
            response = responses.getJsonObject("default");
        }
        if (response == null || !response.containsKey("content")) {
            return null;
        }
        JsonObject content = response.getJsonObject("content");
        JsonObject media = content.containsKey(JSON) ? content.getJsonObject(JSON) : null;
        return media == null ? null : media.getJsonObject("schema");
    }

    /** Sends a body as the admin after checking it against the operation's request schema; checks the answer too. */
    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        JsonObject operation = operation(method, path);
        JsonObject schema = operation.getJsonObject("requestBody").getJsonObject("content").getJsonObject(JSON)
                .getJsonObject("schema");
        assertEquals(List.of(), validator.problems(parse(body), schema), method + " " + path + " request body " + body);
        HttpResponse<String> response = ADMIN.send(ADMIN.request(path).header("Content-Type", JSON)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(List.of(), answerProblems(method, path, response), method + " " + path + " answer " + response.body());
        return response;
    }

    private static List<String> answerProblems(String method, String path, HttpResponse<String> response) {
        JsonObject schema = responseSchema(operation(method, path), response.statusCode());
        if (schema == null) {
            return response.body().isEmpty() ? List.of()
                    : List.of(method + " " + path + " answered " + response.statusCode() + " with a body the document has no schema for");
        }
        return validator.problems(parse(response.body()), schema).stream()
                .map(p -> method + " " + path + " (" + response.statusCode() + "): " + p).toList();
    }

    private static JsonValue parse(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void everyOperationNamesTheSchemaOfItsAnswerAndOfItsErrors() {
        List<String> missing = new ArrayList<>();
        operations().forEach((name, operation) -> {
            JsonObject responses = operation.getJsonObject("responses");
            List<String> success = responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
            if (success.isEmpty()) {
                missing.add(name + ": no 2xx answer");
            }
            for (String code : success) {
                JsonObject content = responses.getJsonObject(code).getJsonObject("content");
                if (!code.equals("204") && (content == null || content.isEmpty()
                        || content.values().stream().anyMatch(media -> !media.asJsonObject().containsKey("schema")))) {
                    missing.add(name + ": the " + code + " answer names no schema");
                }
            }
            List<String> errors = responses.keySet().stream()
                    .filter(code -> code.equals("default") || code.startsWith("4") || code.startsWith("5")).toList();
            if (!errors.contains("default")) {
                missing.add(name + ": no default (error) answer");
            }
            for (String code : errors) {
                JsonObject error = responseSchema(operation, Integer.parseInt(code.equals("default") ? "0" : code));
                if (error == null || !error.getString("$ref", "").endsWith("/ApiError")) {
                    missing.add(name + ": its " + code + " answer does not name the ApiError schema");
                }
            }
            if (operation.containsKey("requestBody") && operation.getJsonObject("requestBody").getJsonObject("content")
                    .values().stream().anyMatch(media -> !media.asJsonObject().containsKey("schema"))) {
                missing.add(name + ": its request body names no schema");
            }
        });
        assertTrue(operations().size() > 30, "the API's operations: " + operations().keySet());
        assertEquals(List.of(), missing);
    }

    @Test
    void everyJsonGetAnswersAsItsSchemaSays() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (var entry : operations().entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith("GET ") || responseSchema(entry.getValue(), 200) == null || CLUSTER_ONLY.contains(name)) {
                continue;
            }
            String path = concrete(name.substring(4), problems);
            if (path == null) {
                continue;
            }
            HttpResponse<String> response = ADMIN.get(path);
            if (response.statusCode() != 200) {
                problems.add(name + ": GET " + path + " answered " + response.statusCode() + " " + response.body());
                continue;
            }
            JsonValue body = parse(response.body());
            if (FILLED.contains(path) && body.asJsonArray().isEmpty()) {
                problems.add(name + ": the list is empty, so its members were not checked");
            }
            problems.addAll(answerProblems("GET", path, response));
            checked.add(path);
        }
        assertEquals(List.of(), problems, "checked: " + checked);
        assertTrue(checked.containsAll(List.of("/api/status", "/api/users/it-oa-user", "/api/rules/" + ruleId,
                "/api/settings", "/api/logs/sessions", "/api/media/" + firstMediaPath())), checked.toString());
    }

    /** A path with its parameter taken from the first member of the list above it ("/api/users" for "{name}"). */
    private static String concrete(String template, List<String> problems) throws Exception {
        Matcher parameter = PARAMETER.matcher(template);
        if (!parameter.find()) {
            return template;
        }
        String list = template.substring(0, parameter.start() - 1);
        var members = ConsoleApiIT.array(ADMIN.get(list));
        if (members.isEmpty()) {
            problems.add("GET " + template + ": " + list + " is empty, so no member could be fetched");
            return null;
        }
        JsonValue value = members.getJsonObject(0).get(parameter.group(1));
        if (value == null) {
            problems.add("GET " + template + ": the members of " + list + " have no '" + parameter.group(1) + "'");
            return null;
        }
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        String encoded = parameter.group(1).equals("path") ? text
                : URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        return template.substring(0, parameter.start()) + encoded + template.substring(parameter.end());
    }

    private static String firstMediaPath() throws Exception {
        return ConsoleApiIT.array(ADMIN.get("/api/media")).getJsonObject(0).getString("path");
    }

    @Test
    void changesAndTheirAnswersFitTheirSchemas() throws Exception {
        assertEquals(200, send("PUT", "/api/users/it-oa-user", "{\"password\":\"oa pw 456\"}").statusCode());
        assertEquals(200, send("PUT", "/api/groups/it-oa-group", "{\"members\":[\"it-oa-user\"]}").statusCode());
        assertEquals(200, send("PUT", "/api/rules/" + ruleId, ruleBody()).statusCode());
        assertEquals(200, send("PUT", "/api/broadcasters/it-oa-user", "{\"paths\":[\"it-oa-live/\",\"it-oa-other/\"]}")
                .statusCode());
        HttpResponse<String> token = send("POST", "/api/hls/tokens", "{\"path\":\"it-openapi/sample.mp4\",\"seconds\":60}");
        assertEquals(200, token.statusCode(), token.body());
        HttpResponse<String> relay = send("PUT", "/api/relays/it-oa-relay", relayBody(45));
        assertEquals(200, relay.statusCode(), relay.body());
        assertFalse(relay.body().contains("oa relay pw"), relay.body());
        HttpResponse<String> conflict = send("POST", "/api/groups", "{\"name\":\"it-oa-group\",\"members\":[]}");
        assertEquals(409, conflict.statusCode(), conflict.body());
    }

    @Test
    void errorAnswersFitTheApiErrorSchema() throws Exception {
        HttpResponse<String> missing = ADMIN.get("/api/users/it-oa-nobody");
        assertEquals(404, missing.statusCode());
        assertEquals(List.of(), answerProblems("GET", "/api/users/it-oa-nobody", missing));

        HttpResponse<String> bad = send("POST", "/api/users", "{\"name\":\"not a name/\",\"password\":\"\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        JsonObject fields = ConsoleApiIT.object(bad).getJsonObject("fields");
        assertTrue(fields.containsKey("name") && fields.containsKey("password"), bad.body());

        HttpResponse<String> badLines = ADMIN.post("/api/darwin/qtgroups", "text/plain", "no colon here\n");
        assertEquals(400, badLines.statusCode(), badLines.body());
        assertFalse(ConsoleApiIT.object(badLines).getJsonArray("problems").isEmpty(), badLines.body());
        assertEquals(List.of(), answerProblems("POST", "/api/darwin/qtgroups", badLines));
    }
}
