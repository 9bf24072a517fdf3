package org.tributary.engine;

import org.tributary.api.LatencyDistribution;
import org.tributary.metrics.LatencyHistogram;
import org.tributary.transport.SendPath;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * A fixed set of sender loops. Each playback is placed on the loop carrying the fewest, and stays there
 * until it is done. The loops run as long-running work that the owner starts.
 */
public final class StreamingEngine implements PlaybackScheduler, AutoCloseable {

    private final List<SenderLoop> loops = new ArrayList<>();
    /** One per loop: each is written by its own thread only. */
    private final List<LatencyHistogram> lags = new ArrayList<>();
    private final SendPath sendPath;

    /**
     * @param threads  number of sender threads
     * @param starter  starts one named loop as long-running work (the WorkManager, or a thread in tests)
     */
    public StreamingEngine(int threads, BiConsumer<String, Runnable> starter) {
        this(threads, starter, SendPath.oneCallPerPacket("chosen by the caller"), 0, System::nanoTime);
    }

    /** @param clock the time playbacks are pumped with and their due times are compared to */
    public StreamingEngine(int threads, BiConsumer<String, Runnable> starter, LongSupplier clock) {
        this(threads, starter, SendPath.oneCallPerPacket("chosen by the caller"), 0, clock);
    }

    /**
     * @param sendPath       how the sender threads wait and send UDP
     * @param sendAheadNanos when a loop's earliest playback is due, those due within this long are pumped with it
     * @param clock          the time playbacks are pumped with and their due times are compared to
     */
    public StreamingEngine(int threads, BiConsumer<String, Runnable> starter, SendPath sendPath, long sendAheadNanos,
                           LongSupplier clock) {
        this.sendPath = sendPath;
        for (int i = 0; i < threads; i++) {
            LatencyHistogram lag = new LatencyHistogram();
            lags.add(lag);
            SenderLoop loop = new SenderLoop("tributary-sender-" + i, clock, lag, sendPath, sendAheadNanos);
            loops.add(loop);
            starter.accept("tributary-sender-" + i, loop);
        }
    }

    @Override
    public void schedule(Playback playback) {
        SenderLoop least = loops.get(0);
        for (SenderLoop loop : loops) {
            if (loop.size() < least.size()) {
                least = loop;
            }
        }
        least.add(playback);
    }

    /** Playbacks being paced now. */
    public int activePlaybacks() {
        return loops.stream().mapToInt(SenderLoop::size).sum();
    }

    /** How the sender threads send UDP. */
    public SendPath sendPath() {
        return sendPath;
    }

    /** The sender threads the engine was built with. */
    public int loops() {
        return loops.size();
    }

    /** The sender threads in their loop now; fewer than {@link #loops} when one is not started yet or died. */
    public int loopsRunning() {
        return (int) loops.stream().filter(SenderLoop::running).count();
    }

    /** How late each pump came after its playback's due time, since the engine started. */
    public LatencyDistribution lag() {
        return LatencyHistogram.snapshotOf(lags);
    }

    @Override
    public void close() {
        loops.forEach(SenderLoop::stop);
    }
}
