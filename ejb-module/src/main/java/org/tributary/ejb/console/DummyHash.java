package org.tributary.ejb.console;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A stored hash that no password matches (its password is random and forgotten), with the same iteration
 * count as real ones: checking a login for an unknown name against it costs what a known name costs.
 */
final class DummyHash {

    private static final String VALUE;

    static {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        VALUE = PasswordHash.hash(Base64.getEncoder().encodeToString(secret));
    }

    private DummyHash() {
    }

    static String value() {
        return VALUE;
    }
}
