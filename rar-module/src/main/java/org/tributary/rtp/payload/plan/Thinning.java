package org.tributary.rtp.payload.plan;

import org.tributary.rtp.payload.FrameRoles;
import org.tributary.rtp.payload.h264.H264FrameRoles;

import java.util.Locale;
import java.util.Optional;

/**
 * Which payload formats can be thinned for a congested client, by encoding name: H.264, whose NAL headers
 * say what nothing refers to. Other formats are sent whole (audio is never thinned).
 */
public final class Thinning {

    private Thinning() {
    }

    /** The frame roles of this encoding, or empty when its frames cannot be told apart. */
    public static Optional<FrameRoles> rolesFor(String encodingName) {
        return "H264".equals(encodingName.toUpperCase(Locale.ROOT)) ? Optional.of(H264FrameRoles.INSTANCE)
                : Optional.empty();
    }
}
