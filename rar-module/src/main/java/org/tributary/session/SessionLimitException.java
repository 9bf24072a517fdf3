package org.tributary.session;

/** A session was not created: the server-wide limit or the limit per client address is reached. */
public final class SessionLimitException extends Exception {

    private final boolean perAddress;

    SessionLimitException(String message, boolean perAddress) {
        super(message);
        this.perAddress = perAddress;
    }

    /** True when the client's address holds its maximum of sessions (others may still set up). */
    public boolean perAddress() {
        return perAddress;
    }
}
