/**
 * Adapter-wide counters for monitoring, cheap enough for the threads that stream and answer: latency
 * histograms with fixed buckets and counts by status code, all {@link java.util.concurrent.atomic.LongAdder}s.
 * They know nothing of Micrometer: the adapter hands snapshots ({@link org.tributary.api.AdapterMetrics})
 * through its outbound connection and the EJB tier turns them into meters.
 */
package org.tributary.metrics;
