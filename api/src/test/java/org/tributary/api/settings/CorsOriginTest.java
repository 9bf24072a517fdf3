package org.tributary.api.settings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CorsOriginTest {

    @Test
    void noneAnyOrOneOrigin() {
        assertNull(CorsOrigin.parse(" none "));
        assertEquals("*", CorsOrigin.parse("*"));
        assertEquals("https://intranet.example.com", CorsOrigin.parse("https://intranet.example.com"));
        assertEquals("http://10.0.0.5:8080", CorsOrigin.parse("http://10.0.0.5:8080"));
    }

    @Test
    void aPathAnotherSchemeOrAHeaderBreakIsRefused() {
        for (String bad : new String[] {"https://a.example/x", "ftp://a.example", "a.example", "",
                "https://a.example\r\nSet-Cookie: x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorsOrigin.parse(bad), bad);
            assertEquals("must be an origin such as https://intranet.example.com (scheme, host, optional port,"
                    + " no path), * for any, or none", e.getMessage());
        }
    }
}
