package org.tributary.auth;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NonceTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    @Test
    void aNonceIsValidUntilItsLifetimeEndsThenExpired() {
        NonceIssuer issuer = new NonceIssuer(60, now::get);
        String nonce = issuer.issue();
        assertEquals(NonceIssuer.State.VALID, issuer.check(nonce));
        now.addAndGet(60_000);
        assertEquals(NonceIssuer.State.VALID, issuer.check(nonce), "still valid at exactly its lifetime");
        now.addAndGet(1);
        assertEquals(NonceIssuer.State.EXPIRED, issuer.check(nonce));
    }

    @Test
    void noncesAreUniqueAndOnlyThisIssuersAreKnown() {
        NonceIssuer issuer = new NonceIssuer(60, now::get);
        String nonce = issuer.issue();
        assertNotEquals(nonce, issuer.issue());
        assertEquals(NonceIssuer.State.UNKNOWN, new NonceIssuer(60, now::get).check(nonce), "another key (a restart)");
        char[] chars = nonce.toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';
        assertEquals(NonceIssuer.State.UNKNOWN, issuer.check(new String(chars)), "tampered");
        assertEquals(NonceIssuer.State.UNKNOWN, issuer.check("dcd98b7102dd2f0e8b11d0f600bfb0c093"));
        assertEquals(NonceIssuer.State.UNKNOWN, issuer.check("not base64 !"));
        assertEquals(NonceIssuer.State.UNKNOWN, issuer.check(null));
    }

    @Test
    void aNonceCountIsAcceptedOnceAndOnlyUpwards() {
        NonceCounts counts = new NonceCounts(60, now::get);
        assertTrue(counts.accept("n1", 1));
        assertFalse(counts.accept("n1", 1), "replayed");
        assertTrue(counts.accept("n1", 2));
        assertFalse(counts.accept("n1", 1), "older than the last");
        assertTrue(counts.accept("n2", 1), "counts are per nonce");
    }

    @Test
    void countsOfExpiredNoncesAreForgotten() {
        NonceCounts counts = new NonceCounts(60, now::get);
        counts.accept("old", 1);
        now.addAndGet(61_000);
        counts.accept("new", 1);
        counts.forgetOlderThan(now.get() - 60_000);
        assertEquals(1, counts.size());
    }
}
