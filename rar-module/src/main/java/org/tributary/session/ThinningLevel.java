package org.tributary.session;

/** How much of a video track a congested UDP client is spared, lightest first. */
public enum ThinningLevel {
    /** Every frame is sent. */
    NONE,
    /** Frames nothing refers to (H.264 NAL units with nal_ref_idc 0) are not sent. */
    NON_REFERENCE,
    /** Only key frames (and the parameter sets before them) are sent. */
    KEY_FRAMES_ONLY;

    ThinningLevel heavier() {
        return this == NONE ? NON_REFERENCE : KEY_FRAMES_ONLY;
    }

    ThinningLevel lighter() {
        return this == KEY_FRAMES_ONLY ? NON_REFERENCE : NONE;
    }
}
