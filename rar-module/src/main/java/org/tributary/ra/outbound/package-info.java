/**
 * EJB-to-adapter calls: the managed connection factory, the physical managed connection, and the
 * package-private handle applications get from {@link org.tributary.api.TributaryConnectionFactory}.
 * There is no transaction support: each call acts on the running adapter at once.
 */
package org.tributary.ra.outbound;
