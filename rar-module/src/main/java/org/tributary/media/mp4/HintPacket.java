package org.tributary.media.mp4;

import java.util.List;

/**
 * One RTP packet described by a hint sample: the RTP header fields the server must set plus the
 * constructors that build the payload (everything after the 12-byte RTP header).
 *
 * @param relativeTransmissionTime send time relative to the hint sample's time, in RTP timescale units
 * @param rtpTimestampOffset       value of an 'rtpo' TLV (added to the sample's RTP timestamp), 0 when absent
 * @param bFrame                   the packet carries disposable (B-frame) data
 * @param repeat                   the packet repeats an earlier one (redundancy); may be dropped
 */
public record HintPacket(int relativeTransmissionTime, boolean padding, boolean extension, boolean marker,
                         int payloadType, int sequenceNumber, boolean hasExtraInfo, int rtpTimestampOffset,
                         boolean bFrame, boolean repeat, List<HintConstructor> constructors) {

    public HintPacket {
        constructors = List.copyOf(constructors);
    }

    /** Total payload size these constructors produce; Integer.MAX_VALUE when a crafted packet would pass it. */
    public int payloadLength() {
        long n = 0;
        for (HintConstructor c : constructors) {
            n += c.length();
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }
}
