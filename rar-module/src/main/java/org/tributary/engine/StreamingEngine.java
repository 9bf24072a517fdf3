package org.tributary.engine;

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

    /**
     * @param threads  number of sender threads
     * @param starter  starts one named loop as long-running work (the WorkManager, or a thread in tests)
     */
    public StreamingEngine(int threads, BiConsumer<String, Runnable> starter) {
        this(threads, starter, System::nanoTime);
    }

    /** @param clock the time playbacks are pumped with and their due times are compared to */
    public StreamingEngine(int threads, BiConsumer<String, Runnable> starter, LongSupplier clock) {
        for (int i = 0; i < threads; i++) {
            SenderLoop loop = new SenderLoop("tributary-sender-" + i, clock);
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

    @Override
    public void close() {
        loops.forEach(SenderLoop::stop);
    }
}
