package org.tributary.rtsp.header;

/** Bounds applied while parsing header values; anything outside them is a {@link HeaderParseException}. */
public final class HeaderLimits {

    /** Longest header value accepted, in characters. */
    public static final int MAX_VALUE_LENGTH = 4096;
    /** Most comma-separated alternatives in one Transport header. */
    public static final int MAX_TRANSPORT_SPECS = 16;
    /** Lowest UDP port a client or server may name. */
    public static final int MIN_PORT = 1;
    /** Highest UDP port. */
    public static final int MAX_PORT = 65535;
    /** Lowest interleaved channel. */
    public static final int MIN_CHANNEL = 0;
    /** Highest interleaved channel (one byte on the wire). */
    public static final int MAX_CHANNEL = 255;
    /** Longest session identifier. */
    public static final int MAX_SESSION_ID_LENGTH = 64;

    private HeaderLimits() {
    }
}
