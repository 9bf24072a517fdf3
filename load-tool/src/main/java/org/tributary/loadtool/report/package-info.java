/**
 * Reporting: percentiles, process CPU/RSS sampling from {@code /proc}, the run summary and its
 * text and JSON renderings.
 */
package org.tributary.loadtool.report;
