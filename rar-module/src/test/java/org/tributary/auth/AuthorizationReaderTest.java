package org.tributary.auth;

import org.junit.jupiter.api.Test;
import org.tributary.api.access.Credentials;
import org.tributary.rtsp.header.HeaderParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorizationReaderTest {

    /** Headers the parser refuses, each carrying a would-be secret. */
    private static final String[] MALFORMED = {
            "Basic not*base64*Hunter2Secret",
            "Basic " + java.util.Base64.getEncoder().encodeToString("no-colon-Hunter2Secret".getBytes()),
            "Digest username=\"alice\", response=\"Hunter2Secret",
            "Digest username=\"alice\", qop=auth, response=\"Hunter2Secret\"",
            "Digest username=\"alice\", algorithm=Hunter2Secret",
            "Bearer Hunter2Secret",
            "Hunter2Secret",
    };

    @Test
    void aMalformedHeaderIsDescribedNeverQuoted() {
        for (String header : MALFORMED) {
            HeaderParseException e = assertThrows(HeaderParseException.class,
                    () -> AuthorizationReader.read(header, "DESCRIBE"), header);
            assertFalse(e.getMessage().contains("Hunter2"), e.getMessage());
            assertTrue(e.getMessage().contains(header.length() + " characters"), e.getMessage());
            assertEquals(null, e.getCause(), "no cause whose message would quote it");
        }
    }

    @Test
    void theDescriptionNamesTheSchemeOnlyWhenItIsOneWeKnow() {
        assertEquals("Basic", AuthorizationReader.schemeOf(" basic x"));
        assertEquals("Digest", AuthorizationReader.schemeOf("DIGEST x"));
        assertEquals("unknown-scheme", AuthorizationReader.schemeOf("Hunter2 x"));
    }

    @Test
    void aWellFormedHeaderIsRead() {
        Credentials c = AuthorizationReader.read("Basic " + java.util.Base64.getEncoder()
                .encodeToString("alice:wonder".getBytes()), "DESCRIBE");
        assertEquals("alice", c.user());
        assertEquals("wonder", c.password());
    }
}
