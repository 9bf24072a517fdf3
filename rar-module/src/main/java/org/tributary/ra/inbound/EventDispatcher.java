package org.tributary.ra.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.tributary.api.event.AccessRecord;
import org.tributary.api.event.SessionEventListener;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers access records to the {@link SessionEventListener} bean without ever making the caller wait:
 * {@link #publish} only offers to a bounded queue, and one WorkManager task at a time drains it in
 * order. A full queue drops the record and counts it; the count is logged once per drain ("dropped N").
 * Records published before a bean is activated wait in the queue.
 */
public final class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

    private final BlockingQueue<AccessRecord> queue;
    private final Executor executor;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final Object deliveryLock = new Object();
    private volatile MessageEndpointFactory endpointFactory;

    public EventDispatcher(Executor executor, int capacity) {
        this.executor = executor;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Registers a message-driven bean if it implements {@link SessionEventListener}. */
    public void activate(MessageEndpointFactory factory) {
        endpointFactory = factory;
        LOG.info("access records now go to " + simpleName(factory));
        scheduleDrain();
    }

    /** Delivers what is queued (waiting at most {@code maxWaitMillis} for a running drain), then forgets the bean. */
    public void deactivate(MessageEndpointFactory factory, long maxWaitMillis) {
        if (endpointFactory != factory) {
            return;
        }
        flush(maxWaitMillis);
        endpointFactory = null;
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

    /** Delivers everything queued on the calling thread (used when the bean is about to go away). */
    public void flush(long maxWaitMillis) {
        try {
            // A drain task may be delivering right now; wait for it rather than deliver out of order.
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
            while (drainScheduled.get() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }

    private void scheduleDrain() {
        if (endpointFactory == null || queue.isEmpty() || !drainScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
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

    private void drain() {
        synchronized (deliveryLock) {
            MessageEndpointFactory factory = endpointFactory;
            AccessRecord record;
            while (factory != null && (record = queue.poll()) != null) {
                deliver(factory, record);
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.warning("dropped " + lost + " access records: the queue of " + (queue.size() + queue.remainingCapacity())
                        + " was full (the log and history writer is too slow or stopped)");
            }
        }
    }

    private static void deliver(MessageEndpointFactory factory, AccessRecord record) {
        try {
            MessageEndpoint endpoint = factory.createEndpoint(null);
            try {
                ((SessionEventListener) endpoint).accessRecorded(record);
            } finally {
                endpoint.release();
            }
        } catch (ResourceException | RuntimeException e) {
            // The record says everything the line would have said: keep it in the error log.
            LOG.log(Level.SEVERE, "could not deliver the access record " + record, e);
        }
    }

    private static String simpleName(MessageEndpointFactory factory) {
        Class<?> c = factory.getEndpointClass();
        return c == null ? "an endpoint" : c.getSimpleName();
    }
}
