package org.tributary.session;

import org.tributary.rtp.payload.FrameRoles;
import org.tributary.rtp.rtcp.ReceptionReport;

import java.nio.ByteBuffer;

/**
 * Thins one video track of a UDP client at the level its {@link ThinningPolicy} decides from the client's
 * receiver reports. A unit's decision is taken at its start and kept for all its fragments, so a unit is
 * sent whole or not at all. Leaving key-frames-only waits for the next key frame before anything else is
 * sent again, because the frames in between refer to frames that were dropped. Dropped payloads are never
 * numbered, so the client sees no gap in the sequence numbers. Confined to the track's lock.
 */
final class VideoThinner {

    private final FrameRoles roles;
    private final ThinningPolicy policy;
    private ThinningLevel level = ThinningLevel.NONE;
    private boolean droppingUnit;
    private boolean waitingForKey;
    private long thinnedFrames;
    private long lastThinnedTimestamp = -1;
    private long levelChanges;

    VideoThinner(FrameRoles roles, ThinningPolicy policy) {
        this.roles = roles;
        this.policy = policy;
    }

    /** Whether this payload (of source timestamp {@code timestamp}) is sent. */
    boolean passes(ByteBuffer payload, long timestamp) {
        if (roles.startsUnit(payload)) {
            droppingUnit = drops(payload);
        }
        if (droppingUnit && timestamp != lastThinnedTimestamp) {
            thinnedFrames++;
            lastThinnedTimestamp = timestamp;
        }
        return !droppingUnit;
    }

    private boolean drops(ByteBuffer payload) {
        if (roles.isKey(payload)) {
            waitingForKey = false;
            return false;
        }
        return switch (level) {
            case NONE -> waitingForKey;
            case NON_REFERENCE -> waitingForKey || !roles.isReferenced(payload);
            case KEY_FRAMES_ONLY -> true;
        };
    }

    /** A receiver report about the track; returns the new level when it changed, else null. */
    ThinningLevel report(ReceptionReport report, long nowNanos) {
        ThinningLevel next = policy.report(report, nowNanos);
        if (next == level) {
            return null;
        }
        if (level == ThinningLevel.KEY_FRAMES_ONLY) {
            waitingForKey = true;
        }
        level = next;
        levelChanges++;
        return next;
    }

    ThinningLevel level() {
        return level;
    }

    /** Frames (source timestamps) at least one unit of which was not sent. */
    long thinnedFrames() {
        return thinnedFrames;
    }

    long levelChanges() {
        return levelChanges;
    }
}
