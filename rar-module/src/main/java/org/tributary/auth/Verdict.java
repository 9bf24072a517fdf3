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
 */
public record Verdict(Kind kind, String reason, String user, List<WwwAuthenticate> challenges) {

    public enum Kind { ALLOWED, UNAUTHORIZED, FORBIDDEN, UNAVAILABLE }

    static Verdict allowed(String user) {
        return new Verdict(Kind.ALLOWED, null, user, List.of());
    }

    static Verdict forbidden(String reason, String user) {
        return new Verdict(Kind.FORBIDDEN, reason, user, List.of());
    }

    static Verdict unauthorized(String reason, String user, List<WwwAuthenticate> challenges) {
        return new Verdict(Kind.UNAUTHORIZED, reason, user, List.copyOf(challenges));
    }

    static Verdict unavailable(String reason) {
        return new Verdict(Kind.UNAVAILABLE, reason, null, List.of());
    }
}
