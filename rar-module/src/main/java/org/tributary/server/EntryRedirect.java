package org.tributary.server;

/**
 * Decides whether a DESCRIBE is served here or sent to another server (RFC 2326 §11.3.3, 302 with a
 * {@code Location}): the seam a cluster plugs its load-aware entry into. Asked before the access check: the other
 * server decides access the same way (one shared database).
 */
@FunctionalInterface
public interface EntryRedirect {

    /** Serves everything here. */
    EntryRedirect NONE = (presentationPath, requestUri, userAgent) -> null;

    /**
     * @param presentationPath the canonical path asked for
     * @param requestUri       the request's URI as sent
     * @param userAgent        the request's User-Agent, or null
     * @return the absolute URL the player should ask instead, or null to serve the request here
     */
    String locationFor(String presentationPath, String requestUri, String userAgent);
}
