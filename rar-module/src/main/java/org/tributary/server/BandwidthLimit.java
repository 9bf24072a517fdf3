package org.tributary.server;

import org.tributary.session.TrafficMeter;
import org.tributary.source.MediaSource;
import org.tributary.source.SourceTrack;

/**
 * Darwin's maximum outgoing bandwidth: a new stream is refused (453 Not Enough Bandwidth) when the
 * adapter's current outgoing rate plus the stream's nominal bit rate would pass the limit. Streams already
 * playing are never cut; the limit only keeps new ones out.
 */
public final class BandwidthLimit {

    private final TrafficMeter meter;
    private volatile int maxKbps;

    /** @param maxKbps the limit in kbit/s, 0 for none */
    public BandwidthLimit(TrafficMeter meter, int maxKbps) {
        this.meter = meter;
        this.maxKbps = maxKbps;
    }

    public int maxKbps() {
        return maxKbps;
    }

    public void maxKbps(int kbps) {
        this.maxKbps = kbps;
    }

    /** kbit/s that may still go out before the limit, {@link Long#MAX_VALUE} without a limit. */
    public long headroomKbps() {
        int limit = maxKbps;
        return limit <= 0 ? Long.MAX_VALUE : Math.max(0, limit - meter.bitsPerSecond() / 1000);
    }

    /** Why a new stream of this source may not start now, or null when it may. */
    public String refusal(MediaSource source) {
        if (maxKbps <= 0) {
            return null;
        }
        long nominalKbps = 0;
        for (SourceTrack track : source.tracks()) {
            nominalKbps += Math.max(0, track.bitrateKbps());
        }
        return refusal(source.name(), nominalKbps);
    }

    /**
     * Why a new stream of {@code name} at {@code nominalKbps} (0 when unknown) may not start now, or null
     * when it may; for streams that are no {@link MediaSource} (MP3 over HTTP).
     */
    public String refusal(String name, long nominalKbps) {
        int limit = maxKbps;
        if (limit <= 0) {
            return null;
        }
        long currentKbps = meter.bitsPerSecond() / 1000;
        if (currentKbps + nominalKbps > limit || currentKbps >= limit) {
            return "not enough bandwidth: " + currentKbps + " kbit/s going out, " + name + " needs "
                    + (nominalKbps == 0 ? "an unknown rate" : nominalKbps + " kbit/s") + ", the limit is " + limit
                    + " kbit/s";
        }
        return null;
    }
}
