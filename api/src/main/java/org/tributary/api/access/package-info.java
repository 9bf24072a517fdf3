/**
 * How the adapter asks the EJB side whether a request may proceed. The adapter calls
 * {@link org.tributary.api.access.AccessListener} (implemented by a message-driven bean) on the control
 * path only, with a timeout, and caches the answers so the streaming hot path never waits on a database.
 */
package org.tributary.api.access;
