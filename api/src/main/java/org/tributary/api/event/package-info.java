/**
 * What the adapter tells the EJB side after the fact: one {@link org.tributary.api.event.AccessRecord}
 * per finished client session and per refused request, delivered asynchronously to a message-driven bean
 * implementing {@link org.tributary.api.event.SessionEventListener}. The streaming and RTSP threads only
 * queue records; they never wait for the delivery.
 */
package org.tributary.api.event;
