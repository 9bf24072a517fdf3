package org.tributary.api;

import jakarta.resource.ResourceException;

/**
 * A handle on the running adapter. Obtain it from {@link TributaryConnectionFactory}, use it, close it
 * (try-with-resources). Every call fails with {@link ResourceException} once the handle is closed.
 */
public interface TributaryConnection extends AutoCloseable {

    /** Ports, uptime, open connections and sessions, read live from the adapter. */
    AdapterStatus status() throws ResourceException;

    /**
     * Forgets every cached access decision, so the next request asks the EJB side again. Called by the
     * EJB side whenever a rule or a user changes.
     */
    void invalidateAccessCache() throws ResourceException;

    /** The sessions alive now. */
    java.util.List<SessionInfo> sessions() throws ResourceException;

    /**
     * Ends a session as an administrator would: streaming stops, the client gets an RTCP BYE.
     *
     * @return false when no such session exists
     */
    boolean closeSession(String sessionId) throws ResourceException;

    /**
     * For the EJB side going away (its message-driven bean already stopped): ends every session and hands
     * over the access records not yet delivered, theirs included, so a stop loses no log line.
     */
    java.util.List<org.tributary.api.event.AccessRecord> endSessionsAndTakeRecords(String reason) throws ResourceException;

    @Override
    void close() throws ResourceException;
}
