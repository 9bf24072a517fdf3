package org.tributary.stream;

import org.tributary.rtp.payload.nal.NalRandomAccess;
import org.tributary.rtp.payload.plan.JoinPoints;
import org.tributary.source.SourceTrack;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Tells whether an incoming RTP payload starts a key frame (a join point), so a stream can keep the GOP a
 * joining reader starts with. {@link AnnouncedPresentation#keyFrames} knows it for the codecs that have
 * join points; a stream fed without one keeps no GOP.
 */
@FunctionalInterface
public interface KeyFrames {

    KeyFrames NONE = (track, timestamp, payload) -> false;

    /**
     * @param timestamp the packet's RTP timestamp (the packets of one access unit share it)
     * @param payload   the RTP payload (position..limit), not consumed
     */
    boolean startsKeyFrame(int track, long timestamp, ByteBuffer payload);

    /** Fresh detectors for these tracks, by their encoding names ({@link JoinPoints}); one writer uses them. */
    static KeyFrames detecting(List<SourceTrack> tracks) {
        NalRandomAccess[] detectors = new NalRandomAccess[tracks.size()];
        for (SourceTrack track : tracks) {
            detectors[track.index()] = JoinPoints.detectorFor(track.encodingName()).orElse(null);
        }
        return (track, timestamp, payload) -> track >= 0 && track < detectors.length && detectors[track] != null
                && detectors[track].startsJoinPoint(payload, timestamp);
    }
}
