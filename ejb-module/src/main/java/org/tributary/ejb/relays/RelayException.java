package org.tributary.ejb.relays;

import jakarta.ejb.ApplicationException;

/**
 * A relay request that does not fit: the name is unknown, or the adapter refused the definition (its path,
 * checked against the media folder there). An application exception, so the container hands it over as is and
 * rolls back: nothing is stored when the adapter refuses.
 */
@ApplicationException(rollback = true)
public class RelayException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** There is no relay of that name. */
        UNKNOWN,
        /** The adapter refused the definition. */
        REFUSED
    }

    private final Reason reason;

    public RelayException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static RelayException unknown(String name) {
        return new RelayException(Reason.UNKNOWN, "relay '" + name + "' not found");
    }

    static RelayException refused(String name, String why) {
        return new RelayException(Reason.REFUSED, "relay '" + name + "' was refused by the server: " + why);
    }
}
