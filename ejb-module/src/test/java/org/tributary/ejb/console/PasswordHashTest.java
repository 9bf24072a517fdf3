package org.tributary.ejb.console;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashTest {

    @Test
    void theRightPasswordVerifiesAndOthersDoNot() {
        String stored = PasswordHash.hash("correct horse");
        assertTrue(PasswordHash.verify("correct horse", stored));
        assertFalse(PasswordHash.verify("correct hors", stored));
        assertFalse(PasswordHash.verify("Correct horse", stored));
        assertFalse(PasswordHash.verify("", stored));
        assertFalse(PasswordHash.verify(null, stored));
    }

    @Test
    void theHashHoldsAlgorithmIterationsSaltAndNoPassword() {
        String stored = PasswordHash.hash("correct horse");
        String[] parts = stored.split("\\$");
        assertEquals(4, parts.length, stored);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(String.valueOf(PasswordHash.ITERATIONS), parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertFalse(stored.contains("correct"));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        String a = PasswordHash.hash("same password");
        String b = PasswordHash.hash("same password");
        assertNotEquals(a, b);
        assertTrue(PasswordHash.verify("same password", a));
        assertTrue(PasswordHash.verify("same password", b));
    }

    /** RFC 7914 §11 / RFC 6070-style vector for PBKDF2-HMAC-SHA256 ("passwd", "salt", 1 iteration). */
    @Test
    void matchesAKnownPbkdf2Vector() {
        byte[] expected = hex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        String stored = PasswordHash.format(1, "salt".getBytes(), expected);
        assertTrue(PasswordHash.verify("passwd", stored));
        assertFalse(PasswordHash.verify("passwe", stored));
    }

    @Test
    void theStoredIterationCountIsUsed() {
        byte[] expected = hex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        assertFalse(PasswordHash.verify("passwd", PasswordHash.format(2, "salt".getBytes(), expected)));
    }

    @Test
    void malformedHashesNeverMatch() {
        for (String bad : new String[] {"", "plain", "pbkdf2-sha256$x$AA$AA", "md5$1$AA$AA",
                "pbkdf2-sha256$0$AA$AA", "pbkdf2-sha256$1$$", "pbkdf2-sha256$1$!!$!!"}) {
            assertFalse(PasswordHash.verify("passwd", bad), bad);
        }
    }

    private static byte[] hex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
