/**
 * RTSP authentication state that must never wait on the database: Digest nonces (issued, expired,
 * nonce-count replay), the per-address failed-login throttle, the challenges a 401 carries, and
 * {@link org.tributary.auth.AccessGuard}, which puts them around the access decision. Who may do what
 * is decided by the EJB side; nothing here stores users or rules.
 */
package org.tributary.auth;
