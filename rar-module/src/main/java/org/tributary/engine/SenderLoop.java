package org.tributary.engine;

import org.tributary.metrics.LatencyHistogram;

import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One sender thread: keeps its playbacks ordered by due time, sleeps until the earliest is due, pumps
 * it, and puts it back with its next due time. New playbacks arrive through a lock-free inbox, and so do
 * wake-ups ({@link Playback#wakeWith}): a woken playback is scheduled now, and its earlier entry in the
 * queue, left behind, is skipped when its time comes (each entry carries its slot's generation).
 */
final class SenderLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(SenderLoop.class.getName());
    private static final long MAX_PARK_NANOS = 50_000_000L;

    /** A playback on this loop. {@code generation} and {@code done} belong to the loop thread. */
    private final class Slot implements Runnable {
        final Playback playback;
        final AtomicBoolean wakePending = new AtomicBoolean();
        long generation;
        boolean done;

        Slot(Playback playback) {
            this.playback = playback;
        }

        /** The wake handle: any thread. */
        @Override
        public void run() {
            if (wakePending.compareAndSet(false, true)) {
                wakes.add(this);
                Thread t = thread;
                if (t != null) {
                    LockSupport.unpark(t);
                }
            }
        }
    }

    private record Scheduled(Slot slot, long dueNanos, long generation) {
    }

    private final String name;
    private final PriorityQueue<Scheduled> due = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos, b.dueNanos));
    private final Queue<Playback> inbox = new ConcurrentLinkedQueue<>();
    private final Queue<Slot> wakes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private volatile Thread thread;
    private volatile boolean running = true;
    private final LongSupplier clock;
    private final LatencyHistogram lag;

    /**
     * @param clock the time playbacks are pumped with (System::nanoTime; parking always uses real time)
     * @param lag   where each pump's lateness (past its due time) is counted
     */
    SenderLoop(String name, LongSupplier clock, LatencyHistogram lag) {
        this.name = name;
        this.clock = clock;
        this.lag = lag;
    }

    void add(Playback playback) {
        size.incrementAndGet();
        inbox.add(playback);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    int size() {
        return size.get();
    }

    /** Whether the loop's thread is in its loop now (started and neither stopped nor dead). */
    boolean running() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void admitNewAndWoken(long now) {
        Playback added;
        while ((added = inbox.poll()) != null) {
            Slot slot = new Slot(added);
            added.wakeWith(slot);
            due.add(new Scheduled(slot, now, slot.generation));
        }
        Slot woken;
        while ((woken = wakes.poll()) != null) {
            woken.wakePending.set(false);
            if (!woken.done) {
                woken.generation++;
                due.add(new Scheduled(woken, now, woken.generation));
            }
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        thread.setName(name);
        while (running) {
            long now = clock.getAsLong();
            admitNewAndWoken(now);
            Scheduled next = due.peek();
            if (next == null) {
                LockSupport.parkNanos(this, MAX_PARK_NANOS);
                continue;
            }
            if (next.generation != next.slot.generation || next.slot.done) {
                due.poll(); // left behind by a wake-up
                continue;
            }
            long wait = next.dueNanos - now;
            if (wait > 0) {
                LockSupport.parkNanos(this, Math.min(wait, MAX_PARK_NANOS));
                continue;
            }
            due.poll();
            lag.record(-wait);
            Slot slot = next.slot;
            long again;
            try {
                again = slot.playback.pump(now);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, name + ": a playback failed and was stopped", e);
                again = Playback.DONE;
            }
            if (again == Playback.DONE) {
                slot.done = true;
                size.decrementAndGet();
            } else {
                due.add(new Scheduled(slot, again, slot.generation));
            }
        }
        thread = null;
    }
}
