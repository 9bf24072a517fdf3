package org.tributary.ejb.media;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One file of the media library.
 *
 * @param path            relative to the media root, '/'-separated
 * @param sizeBytes       file size
 * @param modified        last modification
 * @param durationSeconds length, NaN when unknown
 * @param hinted          whether it carries RTP hint tracks
 * @param playable        whether a client can stream it
 * @param problem         why it cannot be streamed; null when playable
 * @param tracks          its tracks
 */
public record MediaEntry(String path,
                         long sizeBytes,
                         Instant modified,
                         double durationSeconds,
                         boolean hinted,
                         boolean playable,
                         String problem,
                         List<MediaTrack> tracks) implements Serializable {

    public MediaEntry {
        tracks = List.copyOf(tracks);
    }
}
