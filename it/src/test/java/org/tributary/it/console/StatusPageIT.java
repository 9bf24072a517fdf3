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

/**
 * The pages without a browser: without a login they redirect to the login form (which is public and
 * processed by Faces), Basic credentials do not open pages (they are for the API), and the error pages
 * never carry a stack trace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatusPageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient(); // follows no redirects

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Endpoints.HTTP + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageWithoutALoginRedirectsToTheLoginForm() throws Exception {
        for (String page : new String[] {"/index.xhtml", "/sessions.xhtml", "/admin/user.xhtml"}) {
            HttpResponse<String> response = get(page + "?x=1");
            assertEquals(302, response.statusCode(), page);
            String location = response.headers().firstValue("Location").orElse("");
            assertTrue(location.endsWith("/tributary/login.xhtml?next="
                    + java.net.URLEncoder.encode(page + "?x=1", java.nio.charset.StandardCharsets.UTF_8)), location);
            assertFalse(response.body().contains("Sessions"), "nothing of the page itself");
        }
    }

    @Test
    void basicCredentialsAreForTheApiNotThePages() throws Exception {
        HttpResponse<String> page = get("/index.xhtml", "Authorization", ConsoleApi.basic(ConsoleApi.ADMIN, ConsoleApi.ADMIN_PASSWORD));
        assertEquals(302, page.statusCode());
        HttpResponse<String> api = get("/api/me", "Authorization", ConsoleApi.basic(ConsoleApi.ADMIN, ConsoleApi.ADMIN_PASSWORD));
        assertEquals(200, api.statusCode(), api.body());
    }

    @Test
    void theLoginFormIsPublicAndRenderedByFaces() throws Exception {
        HttpResponse<String> response = get("/login.xhtml");
        assertEquals(200, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("id=\"login:user\"") && html.contains("id=\"login:password\""), html);
        assertFalse(html.contains("#{"), "unevaluated expressions in the page");
        HttpResponse<String> css = get("/jakarta.faces.resource/css/console.css.xhtml");
        assertEquals(200, css.statusCode(), "the style sheet is public too");
    }

    @Test
    void theApiScriptHeaderGets401WithoutABrowserPasswordBox() throws Exception {
        HttpResponse<String> plain = get("/api/sessions");
        assertEquals(401, plain.statusCode());
        assertTrue(plain.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"Tributary console\""));
        HttpResponse<String> script = get("/api/sessions", "X-Tributary-Console", "1");
        assertEquals(401, script.statusCode());
        assertTrue(script.headers().firstValue("WWW-Authenticate").isEmpty());
    }
}
