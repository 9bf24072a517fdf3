package org.tributary.engine;

import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One sender thread: keeps its playbacks ordered by due time, sleeps until the earliest is due, pumps
 * it, and puts it back with its next due time. New playbacks arrive through a lock-free inbox.
 */
final class SenderLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(SenderLoop.class.getName());
    private static final long MAX_PARK_NANOS = 50_000_000L;

    private record Scheduled(Playback playback, long dueNanos) {
    }

    private final String name;
    private final PriorityQueue<Scheduled> due = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos, b.dueNanos));
    private final Queue<Playback> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private volatile Thread thread;
    private volatile boolean running = true;
    private final LongSupplier clock;

    /** @param clock the time playbacks are pumped with (System::nanoTime; parking always uses real time) */
    SenderLoop(String name, LongSupplier clock) {
        this.name = name;
        this.clock = clock;
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

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        thread.setName(name);
        while (running) {
            Playback added;
            long now = clock.getAsLong();
            while ((added = inbox.poll()) != null) {
                due.add(new Scheduled(added, now));
            }
            Scheduled next = due.peek();
            if (next == null) {
                LockSupport.parkNanos(this, MAX_PARK_NANOS);
                continue;
            }
            long wait = next.dueNanos - now;
            if (wait > 0) {
                LockSupport.parkNanos(this, Math.min(wait, MAX_PARK_NANOS));
                continue;
            }
            due.poll();
            long again;
            try {
                again = next.playback.pump(now);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, name + ": a playback failed and was stopped", e);
                again = Playback.DONE;
            }
            if (again == Playback.DONE) {
                size.decrementAndGet();
            } else {
                due.add(new Scheduled(next.playback, again));
            }
        }
        thread = null;
    }
}
