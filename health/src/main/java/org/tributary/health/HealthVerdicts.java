package org.tributary.health;

import org.tributary.api.AdapterMetrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the readiness and liveness checks decide from what they gathered. */
public final class HealthVerdicts {

    private HealthVerdicts() {
    }

    /**
     * Ready when the adapter answers with its RTSP listener bound (and every other listener it runs) and the
     * database answered.
     *
     * @param metrics       the adapter's snapshot, null when it could not be reached
     * @param adapterError  why it could not be reached (when {@code metrics} is null)
     * @param databaseError null when the database answered, else why not
     */
    public static HealthVerdict readiness(AdapterMetrics metrics, String adapterError, String databaseError) {
        Map<String, Object> data = new LinkedHashMap<>();
        boolean up = true;
        if (metrics == null) {
            up = false;
            data.put("adapter", adapterError == null ? "not reachable" : adapterError);
        } else {
            Integer rtsp = metrics.listeners().get("rtsp");
            if (rtsp == null || rtsp <= 0) {
                up = false;
                data.put("adapter", "the RTSP listener is not bound");
            } else {
                data.put("adapter", "listening");
            }
            metrics.listeners().forEach((name, port) -> data.put(name + "-port", port));
        }
        if (databaseError == null) {
            data.put("database", "answering");
        } else {
            up = false;
            data.put("database", databaseError);
        }
        return new HealthVerdict(up, data);
    }

    /**
     * Live unless the adapter reports a sender loop that stopped running (a restart is what helps then). An
     * adapter that cannot be reached is readiness's concern: liveness stays up and says so.
     */
    public static HealthVerdict liveness(AdapterMetrics metrics, String adapterError) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (metrics == null) {
            data.put("adapter", adapterError == null ? "not reachable" : adapterError);
            return new HealthVerdict(true, data);
        }
        data.put("sender-loops", metrics.senderLoops());
        data.put("sender-loops-running", metrics.senderLoopsRunning());
        return new HealthVerdict(metrics.senderLoopsRunning() >= metrics.senderLoops(), data);
    }
}
