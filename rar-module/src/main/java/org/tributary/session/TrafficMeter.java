package org.tributary.session;

import java.util.concurrent.atomic.LongAdder;

/**
 * Every RTP byte and packet the adapter sends, and every byte of MP3-over-HTTP response bodies, counted by
 * the sender threads without a shared lock, and the adapter-wide outgoing rate, recomputed once a second by
 * housekeeping: the statistics page reads the counters, the bandwidth limit reads the rate.
 */
public final class TrafficMeter {

    /** Counts nothing; for outputs made outside a running adapter (tests). */
    public static final TrafficMeter NONE = new TrafficMeter();

    private final LongAdder bytes = new LongAdder();
    private final LongAdder packets = new LongAdder();
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
