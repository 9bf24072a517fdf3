package org.tributary.auth;

import org.tributary.rtsp.header.AuthScheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Authentication settings of the adapter, validated at start.
 *
 * @param defaultSchemes        schemes offered where a folder's rule names none, preferred first
 * @param nonceSeconds          a Digest nonce older than this is stale (the client retries with a new one)
 * @param failuresBeforeDelay   failed logins from one address before each further failure is slowed
 * @param delayMillisPerFailure added per failure past that point (capped at 2 s)
 * @param failuresBeforeLockout failed logins from one address (within lockoutSeconds) before it is refused
 * @param lockoutSeconds        how long an address is refused; also the window failures are counted in
 * @param digestWithoutQop      accept RFC 2069 Digest answers (no {@code qop}), which can be replayed for the
 *                              nonce's lifetime; only for old clients (live555/VLC, GStreamer send no qop)
 */
public record AuthSettings(List<AuthScheme> defaultSchemes, int nonceSeconds, int failuresBeforeDelay,
                           int delayMillisPerFailure, int failuresBeforeLockout, int lockoutSeconds,
                           boolean digestWithoutQop) {

    public static final AuthSettings DEFAULTS = new AuthSettings(List.of(AuthScheme.DIGEST, AuthScheme.BASIC), 300,
            3, 250, 10, 60);

    /** Settings that require {@code qop=auth} in Digest answers (the default). */
    public AuthSettings(List<AuthScheme> defaultSchemes, int nonceSeconds, int failuresBeforeDelay,
                        int delayMillisPerFailure, int failuresBeforeLockout, int lockoutSeconds) {
        this(defaultSchemes, nonceSeconds, failuresBeforeDelay, delayMillisPerFailure, failuresBeforeLockout,
                lockoutSeconds, false);
    }

    public AuthSettings {
        defaultSchemes = List.copyOf(defaultSchemes);
        if (defaultSchemes.isEmpty()) {
            throw new IllegalArgumentException("authSchemes: at least one of basic, digest");
        }
        positive("nonceSeconds", nonceSeconds);
        positive("failuresBeforeDelay", failuresBeforeDelay);
        positive("failuresBeforeLockout", failuresBeforeLockout);
        positive("lockoutSeconds", lockoutSeconds);
        if (delayMillisPerFailure < 0 || delayMillisPerFailure > 2000) {
            throw new IllegalArgumentException("authDelayMillisPerFailure: must be between 0 and 2000, not " + delayMillisPerFailure);
        }
    }

    /** "digest,basic" or "digest basic" → [DIGEST, BASIC]; the property name is in the error. */
    public static List<AuthScheme> parseSchemes(String text) {
        List<AuthScheme> schemes = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,\\s]+")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            try {
                AuthScheme scheme = AuthScheme.valueOf(p);
                if (!schemes.contains(scheme)) {
                    schemes.add(scheme);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("authSchemes: '" + part.trim() + "' is neither basic nor digest");
            }
        }
        return schemes;
    }

    private static void positive(String property, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(property + ": must be at least 1, not " + value);
        }
    }
}
