package org.tributary.session;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Session ids: 64 random bits in upper-case hex, unguessable so that sessions cannot be probed. */
final class SessionIds {

    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
