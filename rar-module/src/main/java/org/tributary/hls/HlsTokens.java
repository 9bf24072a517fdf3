package org.tributary.hls;

import org.tributary.api.HlsToken;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Mints and checks HLS tokens: {@code <expiry in epoch seconds>.<HMAC-SHA256 over path and expiry>}, base64url,
 * with a server secret. A token names no user; whoever holds it may play that one path until it expires.
 */
public final class HlsTokens {

    /** What a presented token is worth. */
    public enum Check { VALID, EXPIRED, INVALID }

    public static final long MIN_SECONDS = 60;
    public static final long MAX_SECONDS = 7 * 86_400;
    private static final int MIN_SECRET_BYTES = 32;

    private final byte[] secret;
    private final Clock clock;

    public HlsTokens(byte[] secret, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HLS token secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.secret = secret.clone();
        this.clock = clock;
    }

    /**
     * The secret of {@code configured} (the tributary.hls.token-secret property, at least 32 characters) so
     * tokens outlive a restart, or a random one when it is null or blank.
     */
    public static HlsTokens withSecret(String configured, Clock clock) {
        if (configured == null || configured.isBlank()) {
            byte[] random = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            return new HlsTokens(random, clock);
        }
        return new HlsTokens(configured.getBytes(StandardCharsets.UTF_8), clock);
    }

    /** A token for {@code canonicalPath} good for {@code seconds} ({@value #MIN_SECONDS} to {@value #MAX_SECONDS}). */
    public HlsToken mint(String canonicalPath, long seconds) {
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("a token lives " + MIN_SECONDS + " to " + MAX_SECONDS + " seconds, not "
                    + seconds);
        }
        long expires = clock.instant().getEpochSecond() + seconds;
        return new HlsToken(canonicalPath, expires + "." + mac(canonicalPath, expires), Instant.ofEpochSecond(expires));
    }

    /** Whether {@code token} was minted here for {@code canonicalPath} and has not expired. */
    public Check check(String canonicalPath, String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return Check.INVALID;
        }
        long expires;
        try {
            expires = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return Check.INVALID;
        }
        byte[] expected = mac(canonicalPath, expires).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        return clock.instant().getEpochSecond() < expires ? Check.VALID : Check.EXPIRED;
    }

    private String mac(String path, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sum = mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
