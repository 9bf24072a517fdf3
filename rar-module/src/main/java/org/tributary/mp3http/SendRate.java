package org.tributary.mp3http;

/** A listener's bits per second between the last two samples (about a second apart), as the console shows it. */
final class SendRate {

    private volatile long bitsPerSecond;
    private long lastBytes;
    private long lastNanos = System.nanoTime();

    /** Housekeeping thread only: the rate since the previous call. */
    void sample(long bytesNow, long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            bitsPerSecond = Math.max(0, Math.round((bytesNow - lastBytes) * 8e9 / elapsed));
        }
        lastBytes = bytesNow;
        lastNanos = nowNanos;
    }

    long bitsPerSecond() {
        return bitsPerSecond;
    }
}
