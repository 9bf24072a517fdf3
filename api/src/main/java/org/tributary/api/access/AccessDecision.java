package org.tributary.api.access;

import org.tributary.rtsp.header.AuthScheme;

import java.io.Serializable;
import java.util.List;

/**
 * The EJB side's answer to an {@link AccessRequest}.
 *
 * @param outcome what the adapter must do
 * @param reason  a short human-readable reason, logged with refusals
 * @param user    the authenticated user, or null (anonymous, or credentials that did not verify)
 * @param realm   the protection realm of the path (the challenge realm), or null when none applies
 * @param schemes for {@link Outcome#CHALLENGE}: the schemes the path accepts, preferred first; empty
 *                means the server's default
 * @param hashes  the authenticated user's HA1 values, so the adapter can verify that user's next requests
 *                from its cache; null when nobody was authenticated
 */
public record AccessDecision(Outcome outcome, String reason, String user, String realm, List<AuthScheme> schemes,
                             UserHashes hashes) implements Serializable {

    /** ALLOW: go on. DENY: 403. CHALLENGE: 401 with WWW-Authenticate (credentials missing or wrong). */
    public enum Outcome { ALLOW, DENY, CHALLENGE }

    public AccessDecision {
        schemes = schemes == null ? List.of() : List.copyOf(schemes);
    }

    public static AccessDecision allow(String reason) {
        return new AccessDecision(Outcome.ALLOW, reason, null, null, List.of(), null);
    }

    public static AccessDecision deny(String reason) {
        return new AccessDecision(Outcome.DENY, reason, null, null, List.of(), null);
    }

    /** Credentials are needed (or were wrong) for a path protected in {@code realm}. */
    public static AccessDecision challenge(String reason, String realm, List<AuthScheme> schemes) {
        return new AccessDecision(Outcome.CHALLENGE, reason, null, realm, schemes, null);
    }

    /** The same decision, made for an authenticated user. */
    public AccessDecision forUser(UserHashes verified) {
        return new AccessDecision(outcome, reason, verified.user(), verified.realm(), schemes, verified);
    }

    /** The same decision with the path's realm and accepted schemes attached. */
    public AccessDecision inRealm(String realm, List<AuthScheme> schemes) {
        return new AccessDecision(outcome, reason, user, realm, schemes, hashes);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    @Override
    public String toString() {
        return outcome + (user == null ? "" : " for " + user) + (realm == null ? "" : " in '" + realm + "'") + ": " + reason;
    }
}
