package org.tributary.web.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HttpsRedirectTest {

    @Test
    void offByDefaultAndNeverForTlsRequests() {
        assertNull(new HttpsRedirect(false, 8443).target(false, "media.example", "/tributary/", null));
        assertNull(new HttpsRedirect(true, 8443).target(true, "media.example", "/tributary/", null));
    }

    @Test
    void keepsHostPathAndQueryOnTheHttpsPort() {
        HttpsRedirect on = new HttpsRedirect(true, 15443);
        assertEquals("https://127.0.0.1:15443/tributary/sessions.xhtml?page=2",
                on.target(false, "127.0.0.1", "/tributary/sessions.xhtml", "page=2"));
        assertEquals("https://[::1]:15443/tributary/api/users", on.target(false, "::1", "/tributary/api/users", ""));
        assertEquals("https://media.example/tributary/", new HttpsRedirect(true, 443)
                .target(false, "media.example", "/tributary/", null));
    }

    @Test
    void thePortFollowsWildFlysOffsetUnlessSetOutright() {
        String offset = System.getProperty("jboss.socket.binding.port-offset");
        try {
            System.setProperty("jboss.socket.binding.port-offset", "7000");
            assertEquals(15443, HttpsRedirect.fromSystemProperties().httpsPort());
            System.setProperty(HttpsRedirect.PORT_PROPERTY, "9443");
            assertEquals(9443, HttpsRedirect.fromSystemProperties().httpsPort());
        } finally {
            System.clearProperty(HttpsRedirect.PORT_PROPERTY);
            if (offset == null) {
                System.clearProperty("jboss.socket.binding.port-offset");
            } else {
                System.setProperty("jboss.socket.binding.port-offset", offset);
            }
        }
    }
}
