package org.tributary.api.access;

import java.io.Serializable;

/**
 * The EJB side's answer to an {@link AccessRequest}.
 *
 * @param outcome what the adapter must do
 * @param reason  a short human-readable reason, logged with refusals
 */
public record AccessDecision(Outcome outcome, String reason) implements Serializable {

    public enum Outcome { ALLOW, DENY }

    public static AccessDecision allow(String reason) {
        return new AccessDecision(Outcome.ALLOW, reason);
    }

    public static AccessDecision deny(String reason) {
        return new AccessDecision(Outcome.DENY, reason);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
