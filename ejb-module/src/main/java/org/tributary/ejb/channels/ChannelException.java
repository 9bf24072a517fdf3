package org.tributary.ejb.channels;

import jakarta.ejb.ApplicationException;

/**
 * A channel request that does not fit the stored channels: the name is unknown or taken, or the channel does
 * not run. An application exception, so the container hands it over as is and rolls back.
 */
@ApplicationException(rollback = true)
public class ChannelException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** There is no channel of that name. */
        UNKNOWN,
        /** A channel of that name exists. */
        EXISTS,
        /** The request needs a running channel. */
        NOT_RUNNING
    }

    private final Reason reason;

    public ChannelException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static ChannelException unknown(String name) {
        return new ChannelException(Reason.UNKNOWN, "channel '" + name + "' not found");
    }

    static ChannelException onOrigin(String name, String action) {
        return new ChannelException(Reason.NOT_RUNNING, "channel '" + name + "' plays on the cluster's origin, not on"
                + " this edge: " + action + " from the origin's console");
    }

    static ChannelException notRunning(String name) {
        return new ChannelException(Reason.NOT_RUNNING, "channel '" + name + "' is not running: start it first");
    }
}
