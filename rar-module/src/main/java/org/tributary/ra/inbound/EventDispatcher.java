package org.tributary.ra.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.tributary.api.event.AccessRecord;
import org.tributary.api.event.SessionEventListener;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers access records to the {@link SessionEventListener} bean without ever making the caller wait:
 * {@link #publish} only offers to a bounded queue, and one WorkManager task at a time drains it in
 * order, up to {@link #BATCH} records per call of the bean. A full queue drops the record and counts it;
 * the count is logged once per drain ("dropped N").
 * Records published before a bean is activated wait in the queue.
 *
 * <p>A drain starts {@code lingerMillis} after the record that scheduled it: a burst of sessions ending at once
 * (an all-hands broadcast's end, 2,000 TEARDOWNs in one second) is answered first and stored after, in full
 * batches, instead of the history transactions taking the cores while the answers wait.
 */
public final class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());
    /** Records handed to the bean in one call (one history transaction). */
    static final int BATCH = 200;

    private final BlockingDeque<AccessRecord> queue;
    private final Executor executor;
    private final long lingerMillis;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final Object deliveryLock = new Object();
    private volatile MessageEndpointFactory endpointFactory;

    /** A dispatcher that drains as soon as a record comes. */
    public EventDispatcher(Executor executor, int capacity) {
        this(executor, capacity, 0);
    }

    /** @param lingerMillis how long a drain waits for more records before it starts (0: at once) */
    public EventDispatcher(Executor executor, int capacity, long lingerMillis) {
        if (lingerMillis < 0) {
            throw new IllegalArgumentException("linger must not be negative: " + lingerMillis);
        }
        this.executor = executor;
        this.queue = new LinkedBlockingDeque<>(capacity);
        this.lingerMillis = lingerMillis;
    }

    /** Registers a message-driven bean if it implements {@link SessionEventListener}. */
    public void activate(MessageEndpointFactory factory) {
        endpointFactory = factory;
        LOG.info("access records now go to " + simpleName(factory));
        scheduleDrain();
    }

    /** Forgets the bean; records published from now on wait in the queue (see {@link #takeAll}). */
    public void deactivate(MessageEndpointFactory factory) {
        if (endpointFactory == factory) {
            endpointFactory = null;
        }
    }

    /** Empties the queue into the returned list (for a caller that writes them itself), after any running drain. */
    public java.util.List<AccessRecord> takeAll() {
        synchronized (deliveryLock) {
            java.util.List<AccessRecord> taken = new java.util.ArrayList<>();
            queue.drainTo(taken);
            return taken;
        }
    }

    /** Any thread, never blocks. */
    public void publish(AccessRecord record) {
        if (!queue.offer(record)) {
            dropped.incrementAndGet();
        }
        scheduleDrain();
    }

    public int queued() {
        return queue.size();
    }

    public long droppedTotal() {
        return dropped.get();
    }

    private void scheduleDrain() {
        if (endpointFactory == null || queue.isEmpty() || !drainScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    linger();
                    drain();
                } finally {
                    drainScheduled.set(false);
                }
                scheduleDrain(); // records published while the flag was still set
            });
        } catch (RejectedExecutionException e) {
            drainScheduled.set(false);
            LOG.warning("cannot schedule the delivery of " + queue.size() + " access records now: " + e.getMessage()
                    + "; retrying with the next record");
        }
    }

    private void linger() {
        if (lingerMillis > 0) {
            try {
                Thread.sleep(lingerMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: deliver what is there now
            }
        }
    }

    private void drain() {
        synchronized (deliveryLock) {
            MessageEndpointFactory factory = endpointFactory;
            java.util.List<AccessRecord> batch = new java.util.ArrayList<>(BATCH);
            while (factory != null && queue.drainTo(batch, BATCH) > 0) {
                if (!deliver(factory, batch) && endpointFactory != factory) {
                    for (int i = batch.size() - 1; i >= 0; i--) {
                        queue.offerFirst(batch.get(i)); // the bean is stopping: keep them for takeAll()
                    }
                    break;
                }
                batch.clear();
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.warning("dropped " + lost + " access records: the queue of " + (queue.size() + queue.remainingCapacity())
                        + " was full (the log and history writer is too slow or stopped)");
            }
        }
    }

    private boolean deliver(MessageEndpointFactory factory, java.util.List<AccessRecord> records) {
        try {
            MessageEndpoint endpoint = factory.createEndpoint(null);
            try {
                ((SessionEventListener) endpoint).accessRecorded(java.util.List.copyOf(records));
                return true;
            } finally {
                endpoint.release();
            }
        } catch (ResourceException | RuntimeException e) {
            if (endpointFactory != factory) {
                return false;
            }
            // The records say everything the lines would have said: keep them in the error log.
            LOG.log(Level.SEVERE, "could not deliver " + records.size() + " access records " + records, e);
            return false;
        }
    }

    private static String simpleName(MessageEndpointFactory factory) {
        Class<?> c = factory.getEndpointClass();
        return c == null ? "an endpoint" : c.getSimpleName();
    }
}
