package org.tributary.loadtool.rtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One selector thread serving many sessions: it reads every UDP socket and TCP control connection
 * registered with it, and ticks its sessions for keep-alives and receiver reports. A few of these
 * carry thousands of sessions. Shut down with {@link #shutdown}: it tears every session down,
 * waits for the teardowns up to a grace period, and closes everything.
 */
public final class ReceiverLoop implements Runnable {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Selector selector;
    private final ConcurrentLinkedQueue<LoopSession> incoming = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<LoopSession> sessions = new ArrayList<>();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(65536);
    private final UdpReads udpReads = new UdpReads();
    private final int datagramsPerWakeup;
    private final Thread thread;
    private volatile boolean stopRequested;
    private volatile boolean terminated;
    private long graceNanos;

    /**
     * @param datagramsPerWakeup datagrams read from one readable socket before the loop polls again; below it, a
     *                           socket is read until a receive finds it empty, and 1 skips that empty receive
     *                           (the socket, still readable, is reported again by the next poll)
     */
    public ReceiverLoop(String name, int datagramsPerWakeup) {
        if (datagramsPerWakeup < 1) {
            throw new IllegalArgumentException("datagrams per wake-up must be at least 1: " + datagramsPerWakeup);
        }
        this.datagramsPerWakeup = datagramsPerWakeup;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Hands a playing session to this loop.
     *
     * @return false if the loop has already ended; the caller must then clean up the session itself
     */
    public boolean adopt(LoopSession session) {
        if (terminated) {
            return false;
        }
        incoming.add(session);
        selector.wakeup();
        return true;
    }

    /** Work on the loop's selector, e.g. registering channels, which only the loop's thread may do without waiting. */
    public interface SelectorTask {
        void run(Selector selector) throws IOException;
    }

    /**
     * Runs {@code task} on the loop's thread before its next read pass and waits for it.
     *
     * @return false if the loop has ended, the task failed, or it did not run within {@code timeoutMillis}
     */
    public boolean runOnLoop(SelectorTask task, long timeoutMillis) throws InterruptedException {
        if (terminated) {
            return false;
        }
        CountDownLatch done = new CountDownLatch(1);
        boolean[] ran = new boolean[1];
        tasks.add(() -> {
            try {
                task.run(selector);
                ran[0] = true;
            } catch (IOException | RuntimeException e) {
                ran[0] = false;
            } finally {
                done.countDown();
            }
        });
        selector.wakeup();
        return done.await(timeoutMillis, TimeUnit.MILLISECONDS) && ran[0];
    }

    /** Asks the loop to tear every session down and end within {@code graceMillis}. */
    public void shutdown(long graceMillis) {
        graceNanos = TimeUnit.MILLISECONDS.toNanos(graceMillis);
        stopRequested = true;
        selector.wakeup();
    }

    public boolean awaitTermination(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    @Override
    public void run() {
        long nextTick = System.nanoTime() + TICK_NANOS;
        long stopDeadline = Long.MAX_VALUE;
        boolean tearingDown = false;
        try {
            while (true) {
                long waitMillis = Math.max(1, (nextTick - System.nanoTime()) / 1_000_000L);
                selector.select(waitMillis);
                long now = System.nanoTime();
                runTasks();
                adoptIncoming(now, tearingDown);
                dispatchSelected(now);
                if (stopRequested && !tearingDown) {
                    tearingDown = true;
                    stopDeadline = now + graceNanos;
                    for (LoopSession s : sessions) {
                        s.beginTeardown(now);
                    }
                }
                if (now - nextTick >= 0) {
                    nextTick = now + TICK_NANOS;
                    tick(now);
                }
                if (tearingDown && (sessions.isEmpty() || now - stopDeadline >= 0)) {
                    break;
                }
            }
        } catch (IOException e) {
            System.err.println("receiver loop failed: " + e);
        } finally {
            terminated = true;
            runTasks(); // their callers stop waiting (on a closed selector they fail)
            // Anything adopted after the last pass still gets torn down and closed.
            adoptIncoming(System.nanoTime(), true);
            for (LoopSession s : sessions) {
                s.closeAll();
            }
            sessions.clear();
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private void adoptIncoming(long now, boolean tearingDown) {
        LoopSession s;
        while ((s = incoming.poll()) != null) {
            try {
                s.register(selector, now);
                sessions.add(s);
                if (tearingDown) {
                    s.beginTeardown(now);
                }
            } catch (IOException | RuntimeException e) {
                s.closeAll();
            }
        }
    }

    private void dispatchSelected(long now) {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            ChannelHandler handler = (ChannelHandler) key.attachment();
            if (!key.isValid()) {
                continue;
            }
            try {
                handler.onReady(key, now, scratch);
            } catch (IOException e) {
                key.cancel();
                handler.onFailure(e);
            }
        }
    }

    private void tick(long now) {
        Iterator<LoopSession> it = sessions.iterator();
        while (it.hasNext()) {
            LoopSession s = it.next();
            s.onTick(now);
            if (s.finished(now)) {
                s.closeAll();
                it.remove();
            }
        }
    }

    /**
     * Reads every datagram waiting on a readable UDP socket, up to the loop's limit per wake-up, handing each to
     * {@code sink} with its arrival time; counts the reads.
     */
    public void readDatagrams(DatagramChannel channel, ByteBuffer buffer, DatagramSink sink) throws IOException {
        int received = 0;
        boolean empty = false;
        while (received < datagramsPerWakeup) {
            buffer.clear();
            if (channel.receive(buffer) == null) {
                empty = true;
                break;
            }
            received++;
            sink.accept(buffer, buffer.position(), System.nanoTime());
        }
        udpReads.record(received, empty);
    }

    /** Where {@link #readDatagrams} puts each datagram: the buffer holds it from 0 to {@code length}. */
    public interface DatagramSink {
        void accept(ByteBuffer datagram, int length, long arrivalNanos);
    }

    public UdpReads udpReads() {
        return udpReads;
    }

    /** Sessions currently served (approximate when read from another thread). */
    public int sessionCount() {
        return sessions.size();
    }
}
