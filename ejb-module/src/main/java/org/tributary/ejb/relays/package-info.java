/**
 * Relays (issue #15, their management): the stored definitions ({@link org.tributary.ejb.relays.Relay}, the
 * source of truth for what the adapter relays: it forgets its relays at a restart), their field rules
 * ({@link org.tributary.ejb.relays.RelayFields}), the service that hands them to the adapter and merges its
 * running state in ({@link org.tributary.ejb.relays.RelayService}), the hand-over of the enabled ones when the
 * application is deployed ({@link org.tributary.ejb.relays.RelaysAtStartup}), and the Darwin
 * {@code relayconfig.xml} import ({@link org.tributary.ejb.relays.DarwinRelayConfig}).
 */
package org.tributary.ejb.relays;
