/**
 * The JCA roles of the resource adapter: {@link org.tributary.ra.TributaryResourceAdapter} starts and
 * stops the servers through the WorkManager, {@link org.tributary.ra.AdapterConfig} holds its validated
 * configuration. Inbound (adapter to EJB) and outbound (EJB to adapter) calls live in the sub-packages.
 */
package org.tributary.ra;
