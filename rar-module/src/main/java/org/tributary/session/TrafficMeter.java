package org.tributary.session;

import java.util.concurrent.atomic.LongAdder;

/**
 * Every RTP byte and packet the adapter sends, and every byte of MP3-over-HTTP response bodies, counted by
 * the sender threads without a shared lock, and the adapter-wide outgoing rate, recomputed once a second by
 * housekeeping: the statistics page reads the counters, the bandwidth limit reads the rate. Beside them, for
 * the metrics: what comes in (broadcasters' RTP, viewers' RTCP), the loss viewers report and retransmissions.
 */
public final class TrafficMeter {

    /** Counts nothing; for outputs made outside a running adapter (tests). */
    public static final TrafficMeter NONE = new TrafficMeter();

    private final LongAdder bytes = new LongAdder();
    private final LongAdder packets = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder lossReported = new LongAdder();
    private final LongAdder rtxRequested = new LongAdder();
    private final LongAdder rtxSent = new LongAdder();
    private volatile long bitsPerSecond;
    private long sampledBytes;
    private long sampledNanos;

    public TrafficMeter() {
        this(System.nanoTime());
    }

    /** @param startNanos when counting starts, on the clock {@link #sample} is called with */
    public TrafficMeter(long startNanos) {
        this.sampledNanos = startNanos;
    }

    void sent(int payloadBytes) {
        if (this != NONE) {
            bytes.add(payloadBytes);
            packets.increment();
        }
    }

    /**
     * Bytes of an HTTP response body (MP3 over HTTP) handed to a connection: they count in the totals and
     * the rate, so the statistics and the bandwidth limit see HTTP listeners, but they are not RTP packets.
     */
    public void sentOverHttp(int bodyBytes) {
        if (this != NONE && bodyBytes > 0) {
            bytes.add(bodyBytes);
        }
    }

    /** An RTP packet from a broadcaster or an RTCP packet from a viewer, {@code length} bytes. */
    public void received(int length) {
        if (this != NONE) {
            bytesIn.add(length);
            packetsIn.increment();
        }
    }

    /** A viewer's receiver report says it lost {@code packets} more than its previous report did. */
    void lossReported(long packets) {
        if (this != NONE && packets > 0) {
            lossReported.add(packets);
        }
    }

    /** A viewer asked for {@code packets} packets again (NACK). */
    void retransmissionsRequested(int packets) {
        if (this != NONE) {
            rtxRequested.add(packets);
        }
    }

    /** A retransmission went out (its bytes are counted by {@link #sent} too). */
    void retransmissionSent() {
        if (this != NONE) {
            rtxSent.increment();
        }
    }

    public long bytesReceived() {
        return bytesIn.sum();
    }

    public long packetsReceived() {
        return packetsIn.sum();
    }

    public long packetsLostReported() {
        return lossReported.sum();
    }

    public long retransmissionsRequested() {
        return rtxRequested.sum();
    }

    public long retransmissionsSent() {
        return rtxSent.sum();
    }

    public long bytesSent() {
        return bytes.sum();
    }

    public long packetsSent() {
        return packets.sum();
    }

    /** Housekeeping thread only: the rate since the previous call. */
    public void sample(long nowNanos) {
        long total = bytes.sum();
        long elapsed = nowNanos - sampledNanos;
        if (elapsed > 0) {
            bitsPerSecond = Math.max(0, Math.round((total - sampledBytes) * 8e9 / elapsed));
        }
        sampledBytes = total;
        sampledNanos = nowNanos;
    }

    /** Outgoing bits per second (RTP and MP3 over HTTP) over the last sampling interval (about a second). */
    public long bitsPerSecond() {
        return bitsPerSecond;
    }
}
