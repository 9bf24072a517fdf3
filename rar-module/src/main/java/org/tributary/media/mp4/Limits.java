package org.tributary.media.mp4;

/** Sanity limits applied while parsing; anything beyond them is treated as a corrupt file. */
final class Limits {
    static final int MAX_SAMPLES = 50_000_000;
    static final int MAX_CHUNKS = 50_000_000;
    static final int MAX_SAMPLE_ENTRIES = 1024;
    static final int MAX_TRACKS = 1024;
    static final int MAX_DEPTH = 32;
    /** The whole moov box is read into memory; larger ones are refused. */
    static final long MAX_MOOV_BYTES = 1L << 30;
    /** A single sample larger than this is refused (no real codec comes near it). */
    static final int MAX_SAMPLE_BYTES = 256 << 20;

    private Limits() {
    }
}
