package org.tributary.rtp.rtcp;

import java.util.List;

/**
 * A Generic NACK (RTPFB FMT=1, RFC 4585 §6.2.1) expanded into sequence numbers.
 *
 * @param senderSsrc who sent the feedback
 * @param mediaSsrc the media source whose packets are lost
 * @param lostSequenceNumbers each PID followed by PID+i+1 for every bit i set in its BLP
 */
public record Nack(long senderSsrc, long mediaSsrc, List<Integer> lostSequenceNumbers) {
    public Nack {
        lostSequenceNumbers = List.copyOf(lostSequenceNumbers);
    }
}
