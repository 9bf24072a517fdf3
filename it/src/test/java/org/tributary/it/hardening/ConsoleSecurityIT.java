package org.tributary.it.hardening;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.api.access.DigestMath;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #11, console and API: no secret in a log or in what a viewer may read, credential exports for
 * admins only, console logins locked out after repeated failures (an unknown name costing what a known
 * one costs), the API decided on the servlet path, the session cookie's attributes, and writes that
 * accept only their declared content type.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSecurityIT {

    static final String REALM = "Streaming Server";
    static final String STREAM_USER = "it-sec-stream";
    static final String STREAM_PASSWORD = "stream-Pw-5150";
    static final String VIEWER = "it-sec-viewer";
    static final String VIEWER_PASSWORD = "viewer-Pw-5150";
    static final String OPERATOR = "it-sec-operator";
    static final String OPERATOR_PASSWORD = "operator-Pw-5150";
    static final String ADMIN_PASSWORD = ConsoleApi.ADMIN_PASSWORD;
    static final ConsoleApi ADMIN = ConsoleApi.admin();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final Path LOG_DIR = Path.of(System.getProperty("it.log.dir"));
    static final Path DATA_DIR = Path.of(System.getProperty("it.data.dir"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void accounts() throws Exception {
        createAccount(VIEWER, "viewer", VIEWER_PASSWORD);
        createAccount(OPERATOR, "operator", OPERATOR_PASSWORD);
        HttpResponse<String> user = ADMIN.postJson("/api/users",
                "{\"name\":\"" + STREAM_USER + "\",\"password\":\"" + STREAM_PASSWORD + "\"}");
        assertTrue(user.statusCode() == 201 || user.statusCode() == 409, user.body());
    }

    static void createAccount(String name, String role, String password) throws Exception {
        HttpResponse<String> created = ADMIN.postJson("/api/console-accounts",
                "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"password\":\"" + password + "\"}");
        assertTrue(created.statusCode() == 201 || created.statusCode() == 409, created.body());
    }

    // ---- item 2: the first-run password -------------------------------------------------------------

    @Test
    void theAdminPasswordIsInNoLogFileAndNoApiAnswer() throws Exception {
        // A login as admin (page and API) first, so that every login path has had its chance to log.
        assertEquals(200, ADMIN.get("/api/me").statusCode());
        assertEquals(302, formLogIn(ConsoleApi.ADMIN, ADMIN_PASSWORD).statusCode());
        try (Stream<Path> files = Files.walk(LOG_DIR)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(ADMIN_PASSWORD), "the admin password is in " + file);
            }
        }
        for (ConsoleApi reader : List.of(ADMIN, new ConsoleApi(VIEWER, VIEWER_PASSWORD))) {
            HttpResponse<String> errors = reader.get("/api/logs/errors?lines=5000&level=INFO");
            assertEquals(200, errors.statusCode(), errors.body());
            assertFalse(errors.body().contains(ADMIN_PASSWORD));
        }
        // The password was configured (-Dtributary.admin.password), so no password file was written.
        assertFalse(Files.exists(DATA_DIR.resolve("tributary").resolve("initial-admin-password")));
    }

    // ---- item 3: credential exports and secrets in what a viewer reads --------------------------------

    @Test
    void theQtusersExportIsForAdminsOnly() throws Exception {
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, STREAM_USER, REALM, STREAM_PASSWORD);
        HttpResponse<String> asAdmin = ADMIN.get("/api/darwin/qtusers");
        assertEquals(200, asAdmin.statusCode());
        assertTrue(asAdmin.body().contains(STREAM_USER + ":") && asAdmin.body().contains(ha1), asAdmin.body());
        for (ConsoleApi other : List.of(new ConsoleApi(VIEWER, VIEWER_PASSWORD), new ConsoleApi(OPERATOR, OPERATOR_PASSWORD))) {
            HttpResponse<String> refused = other.get("/api/darwin/qtusers");
            assertEquals(403, refused.statusCode(), refused.body());
            assertFalse(refused.body().contains(ha1));
        }
        // The exports without secrets stay readable by every role.
        assertEquals(200, new ConsoleApi(VIEWER, VIEWER_PASSWORD).get("/api/darwin/qtgroups").statusCode());
    }

    @Test
    void nothingAViewerMayReadHoldsAHashASaltOrAPassword() throws Exception {
        String ha1Md5 = DigestMath.ha1(DigestAlgorithm.MD5, STREAM_USER, REALM, STREAM_PASSWORD);
        String ha1Sha256 = DigestMath.ha1(DigestAlgorithm.SHA_256, STREAM_USER, REALM, STREAM_PASSWORD);
        ConsoleApi viewer = new ConsoleApi(VIEWER, VIEWER_PASSWORD);
        List<String> paths = List.of("/api/me", "/api/users", "/api/users/" + STREAM_USER, "/api/groups", "/api/rules",
                "/api/broadcasters", "/api/settings", "/api/sessions", "/api/stats", "/api/stats/history", "/api/media",
                "/api/logs/sessions", "/api/logs/sessions.csv", "/api/logs/errors?lines=5000&level=INFO",
                "/api/darwin/qtgroups", "/api/darwin/qtusers", "/api/console-accounts", "/api/console-accounts/admin");
        for (String path : paths) {
            HttpResponse<String> answer = viewer.get(path);
            String body = answer.body();
            for (String secret : List.of(ha1Md5, ha1Sha256, STREAM_PASSWORD, ADMIN_PASSWORD, VIEWER_PASSWORD, "pbkdf2-sha256$")) {
                assertFalse(body.contains(secret), path + " (" + answer.statusCode() + ") holds a secret");
            }
        }
    }

    // ---- item 6: login throttling and the cost of unknown names --------------------------------------

    @Test
    void repeatedWrongPasswordsLockTheNameOutWhileOthersStillLogIn() throws Exception {
        String name = "it-sec-lock-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "lock-Pw-5150";
        createAccount(name, "viewer", password);
        ConsoleApi wrong = new ConsoleApi(name, "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, wrong.get("/api/me").statusCode(), "failure " + (i + 1));
        }
        HttpResponse<String> locked = new ConsoleApi(name, password).get("/api/me");
        assertEquals(429, locked.statusCode(), "the right password is refused during the lockout: " + locked.body());
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElse("-1"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(locked.body().contains("Too many failed logins"), locked.body());

        // The login form refuses it too, with a message.
        HttpResponse<String> page = formLogIn(name, password);
        assertEquals(200, page.statusCode(), "no login, the form again");
        assertTrue(page.body().contains("Too many failed logins"), page.body());

        // Another account from the same address logs in.
        assertEquals(200, new ConsoleApi(VIEWER, VIEWER_PASSWORD).get("/api/me").statusCode());
        awaitErrorLogLine("console login refused for user '" + name + "' from 127.0.0.1: too many failed logins");
    }

    @Test
    void refusingAnUnknownNameTakesAboutAsLongAsRefusingAKnownOne() throws Exception {
        // Three tries each (under the per-name lockout); the median keeps one slow request from deciding.
        long[] known = new long[3];
        long[] unknown = new long[3];
        for (int i = 0; i < 3; i++) {
            unknown[i] = refusalNanos("it-sec-nobody-" + UUID.randomUUID());
            known[i] = refusalNanos(OPERATOR);
        }
        assertEquals(200, new ConsoleApi(OPERATOR, OPERATOR_PASSWORD).get("/api/me").statusCode(), "clears its count");
        Arrays.sort(known);
        Arrays.sort(unknown);
        // Without the dummy hash an unknown name is refused without PBKDF2 (100 000 rounds): many times faster.
        double ratio = (double) unknown[1] / known[1];
        assertTrue(ratio > 0.4, "unknown name " + unknown[1] / 1_000_000 + " ms, known name " + known[1] / 1_000_000 + " ms");
    }

    static long refusalNanos(String name) throws Exception {
        long start = System.nanoTime();
        assertEquals(401, new ConsoleApi(name, "wrong-password").get("/api/me").statusCode());
        return System.nanoTime() - start;
    }

    // ---- item 7: the API on the servlet path, the cookie, content types ------------------------------

    /**
     * Spellings of the API's path whose raw URI does not start with "/tributary/api/": a URI prefix test
     * took them for pages, where the session's login is enough for a write. The container matches path
     * parameters (";x") to the API's servlet, so those must get the API's answer to a session-only write,
     * 401; no spelling may write.
     */
    @Test
    void anotherSpellingOfTheApiPathDoesNotLetTheSessionCookieWrite() throws Exception {
        String cookie = sessionCookie(formLogIn(ConsoleApi.ADMIN, ADMIN_PASSWORD));
        List<String> routed = new ArrayList<>();
        List<String> apiServletPath = List.of("/api", "/api;x", "/api;jsessionid=1");
        for (String api : List.of("/api", "/api;x", "/api;jsessionid=1", "/%61pi", "/./api", "//api")) {
            String name = "it-sec-forged-" + UUID.randomUUID().toString().substring(0, 8);
            String body = "{\"name\":\"" + name + "\",\"password\":\"forged-pw\"}";
            HttpResponse<String> viaBasic = ADMIN.send(ADMIN.request(api + "/me").GET());
            HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(Endpoints.HTTP + api + "/users"))
                    .header("Cookie", cookie).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(forged.statusCode() >= 400, api + ": " + forged.statusCode() + " " + forged.body());
            assertEquals(404, ADMIN.get("/api/users/" + name).statusCode(), api + ": nothing was created");
            if (viaBasic.statusCode() == 200) {
                routed.add(api);
            }
            if (viaBasic.statusCode() == 200 || apiServletPath.contains(api)) {
                assertEquals(401, forged.statusCode(), api + " is the API: a session alone may not write: " + forged.body());
            }
        }
        System.out.println("API path spellings that reach a resource: " + routed);
        assertTrue(routed.contains("/api"), routed.toString());
        // The same session still reads the API (the dashboard's scripts do).
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(Endpoints.HTTP + "/api/me"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        HttpResponse<String> login = formLogIn(ConsoleApi.ADMIN, ADMIN_PASSWORD);
        assertEquals(302, login.statusCode(), login.body());
        List<String> cookies = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertFalse(cookies.isEmpty(), login.headers().map().toString());
        for (String cookie : cookies) {
            List<String> attributes = Arrays.stream(cookie.split(";")).map(String::trim).map(a -> a.toLowerCase()).toList();
            assertTrue(attributes.contains("httponly"), cookie);
            assertTrue(attributes.contains("samesite=strict"), cookie);
            assertFalse(attributes.contains("secure"), "not Secure over plain HTTP: " + cookie);
        }
    }

    @Test
    void writesWithAnotherContentTypeGet415AndDoNothing() throws Exception {
        String name = "it-sec-type-" + UUID.randomUUID().toString().substring(0, 8);
        String json = "{\"name\":\"" + name + "\",\"password\":\"type-pw\"}";
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            HttpResponse<String> refused = ADMIN.post("/api/users", type, json);
            assertEquals(415, refused.statusCode(), type + ": " + refused.body());
            assertEquals(415, json(refused.body()).getInt("status"));
        }
        HttpResponse<String> untyped = ADMIN.send(ADMIN.request("/api/users").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(415, untyped.statusCode(), "no Content-Type: " + untyped.body());
        HttpResponse<String> settings = ADMIN.send(ADMIN.request("/api/settings")
                .header("Content-Type", "application/x-www-form-urlencoded").PUT(HttpRequest.BodyPublishers.ofString("maxSessions=5")));
        assertEquals(415, settings.statusCode(), settings.body());
        HttpResponse<String> darwin = ADMIN.post("/api/darwin/qtgroups", "application/x-www-form-urlencoded", "it-sec-group: " + name);
        assertEquals(415, darwin.statusCode(), "a Darwin import reads text/plain only: " + darwin.body());
        assertEquals(404, ADMIN.get("/api/users/" + name).statusCode(), "nothing was created");
        assertEquals(404, ADMIN.get("/api/groups/it-sec-group").statusCode(), "nothing was imported");
        awaitErrorLogLine("API refused POST /tributary/api/users with Content-Type 'text/plain'");

        // The declared types still work.
        assertEquals(201, ADMIN.postJson("/api/users", json).statusCode());
        assertEquals(204, ADMIN.delete("/api/users/" + name).statusCode());
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** Posts the login form (a stateless Faces view) as a browser would; 302 on success, 200 with the form again otherwise. */
    static HttpResponse<String> formLogIn(String user, String password) throws IOException, InterruptedException {
        Map<String, String> form = Map.of("login", "login", "login:user", user, "login:password", password,
                "login:next", "", "login:submit", "Log in", "jakarta.faces.ViewState", "stateless");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(Endpoints.HTTP + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sessionCookie(HttpResponse<?> response) {
        String setCookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
        return setCookie.split(";", 2)[0];
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** Waits (up to 15 s) for a line of tributary-error.log containing the text. */
    static void awaitErrorLogLine(String text) throws Exception {
        Path log = LOG_DIR.resolve("tributary-error.log");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line with \"" + text + "\" in " + log);
            }
            Thread.sleep(200);
        }
    }
}
