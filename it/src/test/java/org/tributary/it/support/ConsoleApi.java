package org.tributary.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the JSON API as a console account (HTTP Basic), or without credentials when the user is null. */
public final class ConsoleApi {

    /** The first-run admin of the test server (set with -Dtributary.admin.password in arquillian.xml). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = System.getProperty("it.admin.password", System.getProperty("tributary.admin.password"));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String user;
    private final String password;

    public ConsoleApi(String user, String password) {
        this.user = user;
        this.password = password;
    }

    public static ConsoleApi admin() {
        return new ConsoleApi(ADMIN, ADMIN_PASSWORD);
    }

    public static ConsoleApi anonymous() {
        return new ConsoleApi(null, null);
    }

    /** The Authorization header value for these credentials. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request builder for a path under the web module ("/api/users"), with the credentials set. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Endpoints.HTTP + path));
        if (user != null) {
            builder.header("Authorization", basic(user, password));
        }
        return builder;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    public HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return post(path, "application/json", json);
    }

    public HttpResponse<String> putJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
