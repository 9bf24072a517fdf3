package org.tributary.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The control path's own bounded pool: a fixed number of worker loops answer RTSP and HTTP requests from a
 * bounded queue, and one timer loop runs tasks that must wait (a held-back 401). The loops are started by
 * whoever owns the threads (the adapter runs them as long-running JCA Work); this class creates none.
 *
 * <p>Access decisions do not run here: they run on the WorkManager's short-task pool, which no request
 * handler uses, so a decision can never queue behind the handlers that wait for it. A handler waits for
 * its decision at most the access timeout, and this pool's size bounds how many wait at once.
 *
 * <p>A full queue refuses a task ({@link RejectedExecutionException}); the caller answers 503. A task that
 * throws, even an {@link Error}, is logged and its worker goes on with the next one.
 */
public final class ControlExecutor implements Executor, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ControlExecutor.class.getName());
    /** How often an idle loop looks whether the pool was closed. */
    private static final long IDLE_CHECK_MILLIS = 500;

    private final BlockingQueue<Runnable> queue;
    private final DelayQueue<Later> later = new DelayQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final int threads;
    private final int queueCapacity;
    private volatile boolean open = true;

    /**
     * @param threads       worker loops answering requests
     * @param queueCapacity requests waiting for a worker before new ones are refused
     * @param loopStarter   starts a loop under the given name on a thread of its own (the adapter's WorkManager)
     */
    public ControlExecutor(int threads, int queueCapacity, BiConsumer<String, Runnable> loopStarter) {
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("threads and queue capacity must be at least 1");
        }
        this.threads = threads;
        this.queueCapacity = queueCapacity;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        try {
            for (int i = 1; i <= threads; i++) {
                loopStarter.accept("tributary-control-" + i, this::workLoop);
            }
            loopStarter.accept("tributary-control-timer", this::timerLoop);
        } catch (RuntimeException e) {
            open = false; // the loops already started end, instead of holding their threads forever
            throw e;
        }
    }

    public int threads() {
        return threads;
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    /** Tasks waiting for a worker now. */
    public int queued() {
        return queue.size();
    }

    @Override
    public void execute(Runnable task) {
        if (!open) {
            throw new RejectedExecutionException("the control pool is closed");
        }
        if (!queue.offer(task)) {
            throw new RejectedExecutionException("the control queue is full (" + queueCapacity + " requests waiting"
                    + " for " + threads + " threads; tributary.control.queue)");
        }
    }

    /**
     * Runs a short task on the timer loop after {@code delayMillis}. It must not block: it sends bytes or
     * hands work to {@link #execute}.
     */
    public void executeLater(long delayMillis, Runnable task) {
        if (!open) {
            throw new RejectedExecutionException("the control pool is closed");
        }
        later.add(new Later(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis),
                sequence.incrementAndGet(), task));
    }

    /** Stops every loop once it finishes its current task; queued and delayed tasks are dropped. */
    @Override
    public void close() {
        open = false;
        queue.clear();
        later.clear();
    }

    private void workLoop() {
        while (open) {
            try {
                Runnable task = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (task != null) {
                    runSafely(task);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void timerLoop() {
        while (open) {
            try {
                Later due = later.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (due != null) {
                    runSafely(due.task);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) { // an Error too: the loop must outlive any one task
            LOG.log(Level.SEVERE, "a control task failed; the thread goes on: " + t, t);
        }
    }

    private record Later(long dueNanos, long order, Runnable task) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Later o = (Later) other;
            int byTime = Long.compare(dueNanos - o.dueNanos, 0);
            return byTime != 0 ? byTime : Long.compare(order, o.order);
        }
    }
}
