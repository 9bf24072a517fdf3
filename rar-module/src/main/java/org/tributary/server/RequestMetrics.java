package org.tributary.server;

import org.tributary.metrics.LatencyHistogram;
import org.tributary.metrics.StatusCounts;

/**
 * What the listeners count about the requests they answer, shared by every listener (RTSP, the tunnel port,
 * RTSPS) and the MP3-over-HTTP answers: error answers by status, and how long SETUPs took.
 *
 * @param refusals answers with a 4xx or 5xx status
 * @param setups   SETUP requests, from arrival to the answer being queued
 */
public record RequestMetrics(StatusCounts refusals, LatencyHistogram setups) {

    public RequestMetrics() {
        this(new StatusCounts(), new LatencyHistogram());
    }
}
