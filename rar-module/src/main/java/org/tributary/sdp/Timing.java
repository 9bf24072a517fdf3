package org.tributary.sdp;

import java.util.List;

/**
 * A t= field with its r= lines: start and stop as NTP seconds, 0 0 for an unbounded session
 * (what an RTSP server announces); repeat lines are kept as text.
 */
public record Timing(long start, long stop, List<String> repeats) {

    public static final Timing UNBOUNDED = new Timing(0, 0, List.of());

    public Timing {
        repeats = List.copyOf(repeats);
    }
}
