package org.tributary.sdp;

/** Bounds enforced by {@link SdpParser}. */
public final class SdpLimits {

    /** Largest SDP text accepted, in UTF-8 bytes. */
    public static final int MAX_BYTES = 64 * 1024;
    /** Most m= sections in one description. */
    public static final int MAX_MEDIA = 64;

    private SdpLimits() {
    }
}
