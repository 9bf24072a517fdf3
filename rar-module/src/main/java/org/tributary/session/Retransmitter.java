package org.tributary.session;

import org.tributary.rtp.RtpPacketWriter;
import org.tributary.rtp.RtxPacket;
import org.tributary.transport.RtpChannel;

import java.nio.ByteBuffer;

/**
 * Resends the packets a client reports lost (RFC 4585 Generic NACK) as an RFC 4588 rtx stream of its own
 * SSRC and numbering, from the track's {@link RetransmissionHistory}, within {@link RtxLimits}: not after
 * rtx-time, not more than {@code maxResends} times a packet, and not more bytes than the allowed share of
 * what the track sent (a credit that grows with every original packet and is capped at that share of the
 * history's size, so a quiet period does not save up a burst). Not thread-safe: guarded by the owning
 * {@link TrackOutput}.
 */
final class Retransmitter {

    private final int payloadType;
    private final long ssrc;
    private final RtxLimits limits;
    private final double creditCap;
    private int sequence;
    private double credit;
    private ByteBuffer packet = ByteBuffer.allocate(2048);

    private long requested;
    private long sent;
    private long tooLate;
    private long limited;

    Retransmitter(int payloadType, long ssrc, int firstSequence, RtxLimits limits) {
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.sequence = firstSequence & 0xFFFF;
        this.limits = limits;
        this.creditCap = limits.historyBytes() * (limits.bandwidthPercent() / 100.0);
    }

    /** An original packet of {@code length} bytes went out: its share is added to the credit. */
    void originalSent(int length) {
        credit = Math.min(creditCap, credit + length * (limits.bandwidthPercent() / 100.0));
    }

    /**
     * Resends what can be resent of {@code sequences}, sent (originally) before {@code nowNanos}; each rtx
     * packet the channel takes is added to {@code meter} (the adapter's rate and bandwidth limit see it).
     */
    void resend(Iterable<Integer> sequences, RetransmissionHistory history, RtpChannel channel, TrafficMeter meter,
                long nowNanos) {
        long rtxTimeNanos = limits.rtxTimeMillis() * 1_000_000L;
        for (int lost : sequences) {
            requested++;
            meter.retransmissionsRequested(1);
            long sentAt = history.sentAtNanos(lost);
            if (sentAt == -1 || nowNanos - sentAt > rtxTimeNanos) {
                tooLate++;
                continue;
            }
            ByteBuffer original = history.view(lost);
            int length = original.remaining() + RtxPacket.OSN_SIZE;
            if (credit < length || !history.takeResend(lost, limits.maxResends())) {
                limited++;
                continue;
            }
            if (packet.capacity() < length) {
                packet = ByteBuffer.allocate(length);
            }
            packet.clear();
            RtxPacket.write(packet, original, payloadType, sequence, ssrc);
            packet.flip();
            sequence = (sequence + 1) & 0xFFFF;
            credit -= length;
            if (channel.sendRtp(packet)) {
                sent++;
                meter.sent(length - RtpPacketWriter.HEADER_SIZE);
                meter.retransmissionSent();
            }
        }
    }

    int payloadType() {
        return payloadType;
    }

    long ssrc() {
        return ssrc;
    }

    /** Sequence numbers clients asked for again. */
    long requested() {
        return requested;
    }

    /** Retransmissions sent. */
    long sent() {
        return sent;
    }

    /** Requests for packets no longer kept or older than rtx-time. */
    long tooLate() {
        return tooLate;
    }

    /** Requests refused for the bandwidth share or a packet's resend count. */
    long limited() {
        return limited;
    }
}
