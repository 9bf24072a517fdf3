package org.tributary.engine;

import org.tributary.metrics.LatencyHistogram;
import org.tributary.transport.SendPath;
import org.tributary.transport.SenderIo;

import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One sender thread: keeps its playbacks ordered by due time, sleeps until the earliest is due, pumps
 * it, and puts it back with its next due time. New playbacks arrive through a lock-free inbox, and so do
 * wake-ups ({@link Playback#wakeWith}): a woken playback is scheduled now, and its earlier entry in the
 * queue, left behind, is skipped when its time comes (each entry carries its slot's generation). It waits and
 * sends through the {@link SenderIo} its {@link SendPath} gives it: packets a turn queues leave before it waits,
 * and, while it has no time to wait, after every {@link #PUMPS_BETWEEN_POLLS} pumps. A turn starts when the
 * earliest playback is due and takes every playback due within the send-ahead window with it, each pumped with
 * the window's end as its time, so the packets of a few milliseconds leave in one wake-up instead of one each.
 */
final class SenderLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(SenderLoop.class.getName());
    private static final long MAX_PARK_NANOS = 50_000_000L;
    /** Pumps in a row, with no time to wait, before queued packets are sent and ready I/O is handled anyway. */
    static final int PUMPS_BETWEEN_POLLS = 64;

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
                wake();
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
    private volatile SenderIo io;
    private volatile boolean running = true;
    private final LongSupplier clock;
    private final LatencyHistogram lag;
    private final SendPath sendPath;
    private final long sendAheadNanos;

    /**
     * @param clock the time playbacks are pumped with (System::nanoTime; parking always uses real time)
     * @param lag   where each pump's lateness (past its due time) is counted
     * @param sendPath how the loop's thread waits and sends UDP
     * @param sendAheadNanos when the earliest playback is due, those due within this long go in the same turn
     *                 (sent that much early at most, never late): fewer wake-ups, fuller batches
     */
    SenderLoop(String name, LongSupplier clock, LatencyHistogram lag, SendPath sendPath, long sendAheadNanos) {
        this.sendAheadNanos = sendAheadNanos;
        this.name = name;
        this.clock = clock;
        this.lag = lag;
        this.sendPath = sendPath;
    }

    void add(Playback playback) {
        size.incrementAndGet();
        inbox.add(playback);
        wake();
    }

    private void wake() {
        SenderIo current = io;
        if (current != null) {
            current.wake();
        }
    }

    /** Whether the loop may sleep: no playback or wake-up waits in its inboxes, and it is not stopping. */
    private boolean nothingPending() {
        return running && inbox.isEmpty() && wakes.isEmpty();
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
        wake();
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
        SenderIo own = sendPath.attach(this::nothingPending);
        io = own;
        try {
            loop(own);
        } finally {
            io = null;
            own.close();
            thread = null;
        }
    }

    private void loop(SenderIo own) {
        int pumpsInARow = 0;
        boolean inTurn = false;
        long horizon = 0; // while in a turn: playbacks due by then are pumped in it, early by at most sendAhead
        while (running) {
            long now = clock.getAsLong();
            admitNewAndWoken(now);
            Scheduled next = due.peek();
            if (next == null) {
                inTurn = false;
                own.await(MAX_PARK_NANOS);
                pumpsInARow = 0;
                continue;
            }
            if (next.generation != next.slot.generation || next.slot.done) {
                due.poll(); // left behind by a wake-up
                continue;
            }
            if (!inTurn || next.dueNanos - horizon > 0) {
                long wait = next.dueNanos - now;
                if (wait > 0) {
                    inTurn = false;
                    own.await(Math.min(wait, MAX_PARK_NANOS));
                    pumpsInARow = 0;
                    continue;
                }
                inTurn = true; // the earliest is due: a turn takes it and whatever falls due within sendAhead
                horizon = now + sendAheadNanos;
            }
            if (++pumpsInARow >= PUMPS_BETWEEN_POLLS) {
                own.await(0); // sends what is queued and handles ready I/O, without waiting
                pumpsInARow = 0;
            }
            due.poll();
            lag.record(Math.max(0, now - next.dueNanos));
            Slot slot = next.slot;
            long again;
            try {
                again = slot.playback.pump(horizon - now > 0 ? horizon : now);
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
    }
}
