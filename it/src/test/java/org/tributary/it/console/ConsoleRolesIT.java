package org.tributary.it.console;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A viewer reads every page but sees no control it may not use, and an admin action forged by hand is
 * refused by the server; an admin sees the same pages with their controls.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleRolesIT extends BrowserTest {

    static final String VIEWER = "it-page-viewer";
    static final String VIEWER_PASSWORD = "viewer-Pw-8812";
    static final String OPERATOR = "it-page-operator";
    static final String OPERATOR_PASSWORD = "operator-Pw-8812";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void viewerAccount() throws Exception {
        HttpResponse<String> created = ConsoleApi.admin().postJson("/api/console-accounts",
                "{\"name\":\"" + VIEWER + "\",\"role\":\"viewer\",\"password\":\"" + VIEWER_PASSWORD + "\"}");
        assertTrue(created.statusCode() == 201 || created.statusCode() == 409, created.body());
        created = ConsoleApi.admin().postJson("/api/console-accounts",
                "{\"name\":\"" + OPERATOR + "\",\"role\":\"operator\",\"password\":\"" + OPERATOR_PASSWORD + "\"}");
        assertTrue(created.statusCode() == 201 || created.statusCode() == 409, created.body());
    }

    /** A session in READY state (SETUP only), so the Sessions page has a row. */
    static RtspTestClient readySession() throws Exception {
        RtspTestClient client = new RtspTestClient();
        String url = Endpoints.RTSP + "sample.mp4";
        RtspTestClient.Response setup = client.request("SETUP", url + "/trackID=1", 1,
                "Transport: RTP/AVP/TCP;unicast;interleaved=0-1", "User-Agent: ConsoleRolesIT");
        assertEquals(200, setup.status());
        return client;
    }

    static HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(Endpoints.HTTP + path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aViewerSeesNoAdminControlsAndAForgedAdminActionIsRefused() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.logIn(VIEWER, VIEWER_PASSWORD);
        assertEquals("viewer", browser.find(By.id("current-role")).getText().toLowerCase());
        try (RtspTestClient session = readySession()) {
            browser.open("/sessions.xhtml");
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions:table"), "ConsoleRolesIT"));
            assertFalse(browser.present(By.cssSelector("input[value='Disconnect']")), "no Disconnect for a viewer");
        }
        browser.open("/users.xhtml");
        assertFalse(browser.present(By.id("new-user")));
        assertFalse(browser.present(By.linkText("Edit")));
        browser.open("/rules.xhtml");
        assertFalse(browser.present(By.id("new-rule")));
        browser.open("/darwin.xhtml");
        assertFalse(browser.present(By.id("import-link")));
        assertFalse(browser.present(By.id("export-qtusers")), "the qtusers export (HA1s) is for admins");
        assertTrue(browser.present(By.id("export-qtgroups")), "the other exports are for every role");

        // The admin pages themselves are refused, with the console's page and no stack trace.
        browser.open("/admin/user.xhtml");
        assertEquals("Not allowed", browser.find(By.tagName("h1")).getText());
        assertFalse(browser.driver().getPageSource().contains("Exception"));

        // A hand-made POST of the admin's form with the viewer's session: 403, nothing created.
        String cookie = browser.sessionCookie();
        HttpResponse<String> forged = post("/admin/user.xhtml", cookie, Map.of("user", "user", "user:name", "forged-by-viewer",
                "user:password", "x", "user:passwordAgain", "x", "user:save", "Save", "jakarta.faces.ViewState", "stateless"));
        assertEquals(403, forged.statusCode());
        assertFalse(forged.body().contains("Exception"), forged.body());
        // Nor does the session cookie open the API for changes (they need Basic credentials).
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(Endpoints.HTTP + "/api/users"))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged-by-viewer\",\"password\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode());
        assertEquals(404, ConsoleApi.admin().get("/api/users/forged-by-viewer").statusCode(), "no user was created");
        // Reads through the API with the session work (the dashboard's scripts use them).
        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create(Endpoints.HTTP + "/api/me"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"" + VIEWER + "\""), me.body());
        browser.open("/index.xhtml").logOut();
    }

    @Test
    void anAdminSeesTheControls() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.logInAsAdmin();
        try (RtspTestClient session = readySession()) {
            browser.open("/sessions.xhtml");
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions:table"), "ConsoleRolesIT"));
            assertTrue(browser.present(By.cssSelector("input[value='Disconnect']")));
        }
        browser.open("/users.xhtml");
        assertTrue(browser.present(By.id("new-user")));
        browser.open("/darwin.xhtml");
        assertTrue(browser.present(By.id("import-link")));
        assertTrue(browser.present(By.id("export-qtusers")));
        browser.logOut();
    }

    @Test
    void anOperatorMayDisconnectButNotAdminister() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.logIn(OPERATOR, OPERATOR_PASSWORD);
        assertEquals("operator", browser.find(By.id("current-role")).getText().toLowerCase());
        assertFalse(browser.present(By.id("nav-settings")), "Settings is for admins");
        try (RtspTestClient session = readySession()) {
            browser.open("/sessions.xhtml");
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions:table"), "ConsoleRolesIT"));
            assertTrue(browser.present(By.cssSelector("input[value='Disconnect']")));
        }
        browser.open("/rules.xhtml");
        assertFalse(browser.present(By.id("new-rule")));
        browser.open("/admin/settings.xhtml");
        assertEquals("Not allowed", browser.find(By.tagName("h1")).getText());
        browser.open("/index.xhtml").logOut();
    }
}
