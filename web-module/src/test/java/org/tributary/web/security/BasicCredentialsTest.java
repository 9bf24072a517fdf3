package org.tributary.web.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasicCredentialsTest {

    static String header(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsUserAndPasswordWithColonsAndUtf8() {
        assertEquals(new BasicCredentials("ann", "a:b:c"), BasicCredentials.parse(header("ann:a:b:c")).orElseThrow());
        assertEquals(new BasicCredentials("zoë", "pässword"), BasicCredentials.parse(header("zoë:pässword")).orElseThrow());
        assertEquals(new BasicCredentials("ann", ""), BasicCredentials.parse(header("ann:")).orElseThrow());
        assertEquals("ann", BasicCredentials.parse("basic " + header("ann:x").substring(6)).orElseThrow().user(),
                "the scheme name is case-insensitive");
    }

    @Test
    void anythingElseIsNoCredentials() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
        assertTrue(BasicCredentials.parse("Basic").isEmpty());
        assertTrue(BasicCredentials.parse("Basic !!!not-base64").isEmpty());
        assertTrue(BasicCredentials.parse(header("no-colon")).isEmpty());
        assertTrue(BasicCredentials.parse(header(":password-only")).isEmpty());
        assertTrue(BasicCredentials.parse("Digest username=\"ann\"").isEmpty());
    }
}
