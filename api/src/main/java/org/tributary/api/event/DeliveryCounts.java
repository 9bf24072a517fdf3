package org.tributary.api.event;

import java.io.Serializable;

/**
 * What a session's client was spared or given again on a lossy network: retransmissions it asked for
 * (RFC 4585 NACK), sent (RFC 4588 RTX) and asked for too late, and video frames thinned away while it
 * reported loss. Written in the access log's {@code x-} fields after Darwin's 39.
 */
public record DeliveryCounts(long rtxRequested, long rtxSent, long rtxTooLate, long thinnedFrames)
        implements Serializable {

    /** A session with no feedback, a refusal, an MP3 or HLS viewing. */
    public static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0, 0);
}
