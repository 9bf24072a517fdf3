package org.tributary.stream;

import org.tributary.rtp.MalformedPacketException;
import org.tributary.rtp.RtpHeader;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Feeds a {@link Stream} with the RTP packets of its tracks as they arrive from a live source (a publisher,
 * an {@code .sdp} file's ports): the payload, marker, timestamp and payload type go on, with the join points
 * its {@link KeyFrames} tell; SSRC and sequence numbers stay behind (every reader numbers afresh). Counts
 * what arrived, what was lost on the way (sequence gaps) and what was not RTP. Not thread-safe: one writer.
 */
public final class RtpIngest {

    private final Stream stream;
    private final KeyFrames keyFrames;
    private final int[] lastSequence;
    private long packets;
    private long bytes;
    private long lost;
    private long malformed;

    public RtpIngest(Stream stream, KeyFrames keyFrames) {
        this.stream = stream;
        this.keyFrames = keyFrames;
        this.lastSequence = new int[stream.tracks().size()];
        Arrays.fill(lastSequence, -1);
    }

    /**
     * One packet of a track (position..limit, not kept).
     *
     * @return false when it is not an RTP packet (counted, dropped) or names no track
     */
    public boolean write(int track, ByteBuffer packet) {
        if (track < 0 || track >= lastSequence.length) {
            return false;
        }
        RtpHeader header;
        try {
            header = RtpHeader.parse(packet);
        } catch (MalformedPacketException e) {
            malformed++;
            return false;
        }
        int sequence = header.sequenceNumber();
        if (lastSequence[track] >= 0) {
            int gap = (sequence - lastSequence[track] - 1) & 0xFFFF;
            if (gap < 0x8000) {
                lost += gap;
            }
        }
        lastSequence[track] = sequence;
        packets++;
        bytes += packet.remaining();
        ByteBuffer payload = packet.duplicate();
        payload.limit(header.payloadOffset() + header.payloadLength()).position(header.payloadOffset());
        boolean keyFrame = keyFrames.startsKeyFrame(track, header.timestamp(), payload.duplicate());
        stream.write(track, payload, header.marker(), header.timestamp(), header.payloadType(), keyFrame);
        return true;
    }

    public long packets() {
        return packets;
    }

    /** Bytes of the RTP packets written, headers included. */
    public long bytes() {
        return bytes;
    }

    /** Packets the source sent that never arrived (gaps in sequence numbers). */
    public long lost() {
        return lost;
    }

    /** Datagrams that were not RTP. */
    public long malformed() {
        return malformed;
    }
}
