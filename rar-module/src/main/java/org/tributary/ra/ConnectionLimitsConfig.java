package org.tributary.ra;

import org.tributary.server.ConnectionGuards;
import org.tributary.server.ConnectionLimits;
import org.tributary.server.OutputBudget;

/** Validates the adapter's connection limits (item "connections cannot pin the server") into guards. */
final class ConnectionLimitsConfig {

    private ConnectionLimitsConfig() {
    }

    static ConnectionGuards of(Integer requestTimeoutSeconds, Integer idleTimeoutSeconds, Integer maxPerAddress,
                               Integer maxQueuedBytesPerConnection, Integer maxQueuedPercentOfHeap,
                               Integer stallSeconds, Integer maxTunnels) throws AdapterConfig.InvalidConfigException {
        ConnectionLimits limits = new ConnectionLimits(
                range("rtspRequestTimeoutSeconds", requestTimeoutSeconds, 1, 3600),
                range("rtspIdleTimeoutSeconds", idleTimeoutSeconds, 1, 86_400),
                range("rtspMaxConnectionsPerAddress", maxPerAddress, 1, 1_000_000),
                range("rtspMaxQueuedBytesPerConnection", maxQueuedBytesPerConnection, 64 * 1024, 256 * 1024 * 1024),
                range("rtspStallSeconds", stallSeconds, 1, 3600),
                range("rtspMaxTunnels", maxTunnels, 1, 1_000_000));
        int percent = range("rtspMaxQueuedPercentOfHeap", maxQueuedPercentOfHeap, 1, 90);
        return new ConnectionGuards(limits, OutputBudget.shareOfHeap(percent));
    }

    private static int range(String property, Integer value, int min, int max) throws AdapterConfig.InvalidConfigException {
        if (value == null || value < min || value > max) {
            throw new AdapterConfig.InvalidConfigException(property, value, "must be between " + min + " and " + max);
        }
        return value;
    }
}
