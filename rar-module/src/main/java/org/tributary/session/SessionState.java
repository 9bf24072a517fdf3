package org.tributary.session;

/** RFC 2326 Appendix A server states. */
public enum SessionState {
    /** SETUP answered, not playing (after SETUP, PAUSE or the end of the presentation). */
    READY,
    PLAYING
}
