package org.tributary.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Output queued on every connection of the adapter together. Media packets are dropped once the cap is
 * reached (a few stuck readers must not exhaust the heap); RTSP responses are small and always queued.
 */
public final class OutputBudget {

    private final long capBytes;
    private final AtomicLong queued = new AtomicLong();

    public OutputBudget(long capBytes) {
        this.capBytes = capBytes;
    }

    /** A cap of a share of the JVM's maximum heap. */
    public static OutputBudget shareOfHeap(int percent) {
        return new OutputBudget(Runtime.getRuntime().maxMemory() / 100 * percent);
    }

    public long capBytes() {
        return capBytes;
    }

    public long queuedBytes() {
        return queued.get();
    }

    /** Takes {@code bytes} from the budget if that stays within the cap. */
    boolean tryReserve(long bytes) {
        while (true) {
            long now = queued.get();
            if (now + bytes > capBytes) {
                return false;
            }
            if (queued.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void reserve(long bytes) {
        queued.addAndGet(bytes);
    }

    void release(long bytes) {
        queued.addAndGet(-bytes);
    }
}
