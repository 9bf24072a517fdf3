package org.tributary.rtp.payload;

import java.nio.ByteBuffer;

/**
 * What an RTP payload of a video format is to the frames around it, so a congested client can be spared
 * the frames it can do without. Every method reads the payload at its position and does not move it.
 */
public interface FrameRoles {

    /** True when the payload begins a unit (a whole NAL unit, an aggregate, or a first fragment). */
    boolean startsUnit(ByteBuffer payload);

    /** True for what a decoder needs to start: a key frame or the parameter sets before it. */
    boolean isKey(ByteBuffer payload);

    /** True when later frames may refer to this one, so it must not be dropped alone. */
    boolean isReferenced(ByteBuffer payload);
}
