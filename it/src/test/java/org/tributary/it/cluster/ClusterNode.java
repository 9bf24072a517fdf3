package org.tributary.it.cluster;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Tools;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One WildFly cluster node under test, run by scripts/cluster-node.sh exactly as an admin would (its server folder
 * under it/target/cluster), and its REST API as the admin.
 */
final class ClusterNode {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path SCRIPT = Path.of(System.getProperty("it.scripts.dir", "../scripts"), "cluster-node.sh");

    final String name;
    final String role;
    final int offset;
    final Path dir;

    ClusterNode(String name, String role, int offset) {
        this.name = name;
        this.role = role;
        this.offset = offset;
        this.dir = Path.of(System.getProperty("it.cluster.dir", "target/cluster")).toAbsolutePath().resolve(name);
    }

    int rtspPort() {
        return 8554 + offset;
    }

    int jgroupsPort() {
        return 7600 + offset;
    }

    String rtsp(String path) {
        return "rtsp://127.0.0.1:" + rtspPort() + "/" + path;
    }

    String http() {
        return "http://127.0.0.1:" + (8080 + offset) + "/tributary";
    }

    Path serverLog() {
        return dir.resolve("log/server.log");
    }

    /** Starts the node and returns once it is ready (the script waits for WildFly's readiness). */
    void start(String members, String dbUrl, String dbUser, String dbPassword, List<String> properties)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "start", "--name", name, "--role", role,
                "--offset", String.valueOf(offset), "--db-url", dbUrl, "--db-user", dbUser, "--db-password", dbPassword,
                "--members", members, "--dir", dir.toString(), "--media", System.getProperty("it.media.dir"), "--wait",
                "-Dtributary.admin.password=" + ConsoleApi.ADMIN_PASSWORD));
        command.addAll(properties);
        Tools.Result started = Tools.run(300, command.toArray(String[]::new));
        if (started.exitCode() != 0) {
            throw new AssertionError("node " + name + " did not start: " + started.stdout() + started.stderr()
                    + tail(serverLog()));
        }
    }

    void stop() throws IOException, InterruptedException {
        Tools.run(60, "bash", SCRIPT.toString(), "stop", "--name", name, "--dir", dir.toString());
    }

    /** kill -9, as a crash would. */
    void kill() throws IOException, InterruptedException {
        Tools.Result killed = Tools.run(30, "bash", SCRIPT.toString(), "kill", "--name", name, "--dir", dir.toString());
        if (killed.exitCode() != 0) {
            throw new AssertionError("could not kill " + name + ": " + killed.stderr());
        }
    }

    HttpResponse<String> get(String apiPath) throws IOException, InterruptedException {
        return HTTP.send(request(apiPath).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String apiPath) throws IOException, InterruptedException {
        return HTTP.send(request(apiPath).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String apiPath, String json) throws IOException, InterruptedException {
        return HTTP.send(request(apiPath).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> putJson(String apiPath, String json) throws IOException, InterruptedException {
        return HTTP.send(request(apiPath).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonObject object(String apiPath) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(apiPath);
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET " + apiPath + " on " + name + ": " + answer.statusCode() + " " + answer.body());
        }
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    JsonArray array(String apiPath) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(apiPath);
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET " + apiPath + " on " + name + ": " + answer.statusCode() + " " + answer.body());
        }
        return Json.createReader(new StringReader(answer.body())).readArray();
    }

    private HttpRequest.Builder request(String apiPath) {
        return HttpRequest.newBuilder(URI.create(http() + apiPath)).timeout(Duration.ofSeconds(20))
                .header("Authorization", ConsoleApi.basic(ConsoleApi.ADMIN, ConsoleApi.ADMIN_PASSWORD));
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n--- " + log + " (last 40 lines)\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "\n(no " + log + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (" + role + ", RTSP " + rtspPort() + ")";
    }
}
