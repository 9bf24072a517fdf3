package org.tributary.auth;

import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessRequest;

/**
 * Asks whether a request may proceed. The resource adapter implements it by calling the EJB side's
 * access listener (with a cache and a timeout); tests implement it directly.
 */
public interface AccessCheck {

    /**
     * @throws AccessUnavailableException when no answer came in time; the request is refused with 503
     */
    AccessDecision check(AccessRequest request) throws AccessUnavailableException;

    /** Thrown when the decision-maker did not answer in time or failed. */
    final class AccessUnavailableException extends Exception {
        public AccessUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
