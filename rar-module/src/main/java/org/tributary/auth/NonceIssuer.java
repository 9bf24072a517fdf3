package org.tributary.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.LongSupplier;

/**
 * Issues Digest nonces and recognizes its own: a nonce is the issue time and 8 random bytes, signed with
 * an HMAC key made at start, so checking one needs no table (a nonce from before a restart is simply
 * unknown). Expiry comes from the issue time inside the nonce.
 */
public final class NonceIssuer {

    /** What a nonce presented by a client is. */
    public enum State { VALID, EXPIRED, UNKNOWN }

    private static final int TIME_BYTES = 8;
    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;
    private final long lifetimeMillis;
    private final LongSupplier clockMillis;

    public NonceIssuer(int lifetimeSeconds, LongSupplier clockMillis) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.lifetimeMillis = lifetimeSeconds * 1000L;
        this.clockMillis = clockMillis;
    }

    public String issue() {
        ByteBuffer body = ByteBuffer.allocate(TIME_BYTES + RANDOM_BYTES + MAC_BYTES);
        body.putLong(clockMillis.getAsLong());
        byte[] salt = new byte[RANDOM_BYTES];
        random.nextBytes(salt);
        body.put(salt);
        body.put(mac(body.array(), TIME_BYTES + RANDOM_BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    public State check(String nonce) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce == null ? "" : nonce);
        } catch (IllegalArgumentException e) {
            return State.UNKNOWN;
        }
        if (bytes.length != TIME_BYTES + RANDOM_BYTES + MAC_BYTES) {
            return State.UNKNOWN;
        }
        byte[] expected = mac(bytes, TIME_BYTES + RANDOM_BYTES);
        byte[] actual = java.util.Arrays.copyOfRange(bytes, TIME_BYTES + RANDOM_BYTES, bytes.length);
        if (!MessageDigest.isEqual(expected, actual)) {
            return State.UNKNOWN;
        }
        long age = clockMillis.getAsLong() - ByteBuffer.wrap(bytes).getLong();
        return age >= 0 && age <= lifetimeMillis ? State.VALID : State.EXPIRED;
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(data, 0, length);
            return java.util.Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
