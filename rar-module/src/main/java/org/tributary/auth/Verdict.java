package org.tributary.auth;

import org.tributary.rtsp.header.WwwAuthenticate;

import java.util.List;

/**
 * What the RTSP handler answers after the access check.
 *
 * @param kind       go on, 401, 403 or 503
 * @param reason     why, for the log line of a refusal
 * @param user       the user name the client gave (authenticated or not), or null; never a password
 * @param challenges the WWW-Authenticate values of a 401
 * @param holdBackMillis how long the answer waits before it is sent (a failed login past the threshold);
 *                   the wait holds no thread: the connection sends it later
 */
public record Verdict(Kind kind, String reason, String user, List<WwwAuthenticate> challenges, long holdBackMillis) {

    public enum Kind { ALLOWED, UNAUTHORIZED, FORBIDDEN, UNAVAILABLE }

    /** A verdict sent at once. */
    public Verdict(Kind kind, String reason, String user, List<WwwAuthenticate> challenges) {
        this(kind, reason, user, challenges, 0);
    }

    static Verdict allowed(String user) {
        return new Verdict(Kind.ALLOWED, null, user, List.of());
    }

    static Verdict forbidden(String reason, String user) {
        return new Verdict(Kind.FORBIDDEN, reason, user, List.of());
    }

    static Verdict unauthorized(String reason, String user, List<WwwAuthenticate> challenges) {
        return new Verdict(Kind.UNAUTHORIZED, reason, user, List.copyOf(challenges));
    }

    /** A 401 for wrong credentials, held back {@code millis} to slow guessing. */
    static Verdict unauthorizedLater(String reason, String user, List<WwwAuthenticate> challenges, long millis) {
        return new Verdict(Kind.UNAUTHORIZED, reason, user, List.copyOf(challenges), millis);
    }

    static Verdict unavailable(String reason) {
        return new Verdict(Kind.UNAVAILABLE, reason, null, List.of());
    }
}
