package org.tributary.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One file under the media root as the adapter's catalogue sees it.
 *
 * @param path            relative to the media root, '/'-separated
 * @param sizeBytes       file size
 * @param modified        last modification
 * @param durationSeconds length, NaN when unknown (unreadable file)
 * @param hinted          whether an MP4/MOV carries RTP hint tracks (streamed as hinted)
 * @param playable        whether a DESCRIBE of it would succeed
 * @param problem         why it cannot be streamed, null when playable
 * @param tracks          its tracks, empty when unreadable
 */
public record MediaFileInfo(String path,
                            long sizeBytes,
                            Instant modified,
                            double durationSeconds,
                            boolean hinted,
                            boolean playable,
                            String problem,
                            List<MediaTrackInfo> tracks) implements Serializable {

    public MediaFileInfo {
        tracks = List.copyOf(tracks);
    }
}
