/**
 * The adapter's figures as Micrometer meters named {@code tributary_*}, published by WildFly's micrometer
 * subsystem on the management interface's {@code /metrics} (Prometheus text format). The adapter counts with
 * plain adders and hands one snapshot ({@link org.tributary.api.AdapterMetrics}) through its outbound
 * connection; {@link org.tributary.ejb.metrics.TributaryMeters} reads it at most once a second, so a scrape
 * costs one adapter call. docs/OPERATIONS.md lists every meter.
 */
package org.tributary.ejb.metrics;
