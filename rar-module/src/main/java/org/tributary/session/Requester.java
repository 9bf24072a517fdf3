package org.tributary.session;

import java.net.InetAddress;

/**
 * Who sent a request that names a session: the control connection it arrived on (for an RTSP-over-HTTP
 * tunnel, the tunnel's GET connection, which every POST answers through), the client's address, and a
 * way to learn the user the request authenticates as, asked only when the answer matters.
 */
public record Requester(Object connection, InetAddress address, UserCheck users) {

    /** The user a request authenticates as for a presentation path, or null when it carries no valid credentials. */
    @FunctionalInterface
    public interface UserCheck {
        String userFor(String presentationPath);
    }

    /** A requester whose user is already known (null: none). */
    public static Requester of(Object connection, InetAddress address, String user) {
        return new Requester(connection, address, path -> user);
    }
}
