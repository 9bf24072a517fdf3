/**
 * The dashboard's numbers over time: a 5-second sampler of the adapter's cumulative counters, turned into
 * rates and kept for the last hour in a fixed ring, and the most played files.
 */
package org.tributary.ejb.stats;
