package org.tributary.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Is this the API" follows the servlet the container chose, not the URI's text. */
class ApiRequestTest {

    @Test
    void theJaxRsServletPathIsTheApiWhateverTheUriLooksLike() {
        assertTrue(ConsoleAuthenticationMechanism.isApi(request("/tributary/api/users", "/api")));
        assertTrue(ConsoleAuthenticationMechanism.isApi(request("/tributary/api;x/users", "/api")));
        assertTrue(ConsoleAuthenticationMechanism.isApi(request("/tributary/%61pi/users", "/api")));
    }

    @Test
    void pagesAreNot() {
        assertFalse(ConsoleAuthenticationMechanism.isApi(request("/tributary/users.xhtml", "/users.xhtml")));
        assertFalse(ConsoleAuthenticationMechanism.isApi(request("/tributary/api.xhtml", "/api.xhtml")));
    }

    private static HttpServletRequest request(String uri, String servletPath) {
        Map<String, Object> answers = Map.of("getRequestURI", uri, "getServletPath", servletPath,
                "getContextPath", "/tributary");
        return (HttpServletRequest) Proxy.newProxyInstance(ApiRequestTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> answers.get(method.getName()));
    }
}
