package org.tributary.rtsp.header;

/** The time format of a Range header; Tributary seeks in NPT only and may answer 457 for the others. */
public enum RangeUnit {
    /** Normal play time, seconds from the start of the presentation. */
    NPT,
    /** Absolute UTC time ({@code clock=19961108T143720.25Z-}). */
    CLOCK,
    /** SMPTE time codes ({@code smpte}, {@code smpte-30-drop}, {@code smpte-25}). */
    SMPTE
}
