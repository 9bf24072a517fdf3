/**
 * Adapter-to-EJB calls. The activation spec names the adapter's listener interfaces; message-driven
 * beans implementing them are registered here. Synchronous calls (access decisions) are made on the
 * control path only, with a cache and a timeout, never from a streaming thread.
 * Access records (ended sessions, refused requests) go the other way asynchronously through
 * {@link org.tributary.ra.inbound.EventDispatcher}'s bounded queue.
 */
package org.tributary.ra.inbound;
