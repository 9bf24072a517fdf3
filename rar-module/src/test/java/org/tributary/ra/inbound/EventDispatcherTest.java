package org.tributary.ra.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.junit.jupiter.api.Test;
import org.tributary.api.event.AccessRecord;
import org.tributary.api.event.SessionEventListener;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventDispatcherTest {

    /** An endpoint that records what it receives, optionally blocking until released. */
    static final class Bean implements MessageEndpoint, SessionEventListener {
        final List<String> received = new ArrayList<>();
        final CountDownLatch gate;

        Bean(CountDownLatch gate) {
            this.gate = gate;
        }

        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public synchronized void accessRecorded(List<AccessRecord> records) {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batchSizes.add(records.size());
            records.forEach(record -> received.add(record.uriStem()));
        }

        @Override
        public void beforeDelivery(Method method) {
        }

        @Override
        public void afterDelivery() {
        }

        @Override
        public void release() {
        }
    }

    static MessageEndpointFactory factoryOf(Bean bean) {
        return new MessageEndpointFactory() {
            @Override
            public MessageEndpoint createEndpoint(javax.transaction.xa.XAResource xa) {
                return bean;
            }

            @Override
            public MessageEndpoint createEndpoint(javax.transaction.xa.XAResource xa, long timeout) throws UnavailableException {
                return bean;
            }

            @Override
            public boolean isDeliveryTransacted(Method method) {
                return false;
            }

            @Override
            public String getActivationName() {
                return "test";
            }

            @Override
            public Class<?> getEndpointClass() {
                return Bean.class;
            }
        };
    }

    static AccessRecord record(String path) {
        Instant now = Instant.now();
        return new AccessRecord(UUID.randomUUID().toString(), AccessRecord.Kind.REFUSAL, null, "192.0.2.1", null, now, now,
                -1, path, null, 404, "test", null, -1, -1, -1, null, null, null, 0, 0, 0, -1, "127.0.0.1", null, 0, -1,
                null, null);
    }

    @Test
    void recordsArriveInOrderOnTheExecutorNotOnTheCaller() throws Exception {
        Bean bean = new Bean(new CountDownLatch(0));
        List<Thread> threads = new ArrayList<>();
        Executor executor = task -> {
            Thread t = new Thread(task);
            threads.add(t);
            t.start();
        };
        EventDispatcher dispatcher = new EventDispatcher(executor, 100);
        dispatcher.publish(record("/before-activation"));
        dispatcher.activate(factoryOf(bean));
        for (int i = 0; i < 50; i++) {
            dispatcher.publish(record("/" + i));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (dispatcher.queued() > 0 || bean.received.size() < 51) {
            assertTrue(System.nanoTime() < deadline, "delivered: " + bean.received.size());
            Thread.sleep(5);
        }
        synchronized (bean) {
            assertEquals("/before-activation", bean.received.get(0), "records wait for the bean");
            for (int i = 0; i < 50; i++) {
                assertEquals("/" + i, bean.received.get(i + 1));
            }
        }
        assertTrue(!threads.isEmpty());
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Bean bean = new Bean(gate); // blocks delivery until the gate opens
        EventDispatcher dispatcher = new EventDispatcher(task -> new Thread(task).start(), 10);
        dispatcher.activate(factoryOf(bean));
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            dispatcher.publish(record("/" + i));
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "publishing never waits");
        // At most one batch (up to the queue's 10) is held by the blocked delivery and 10 more wait in the queue.
        assertTrue(dispatcher.droppedTotal() >= 80, "dropped: " + dispatcher.droppedTotal());
        gate.countDown();
    }

    @Test
    void recordsThatQueueUpWhileTheBeanIsBusyGoInBatches() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Bean bean = new Bean(gate);
        EventDispatcher dispatcher = new EventDispatcher(task -> new Thread(task).start(), 1000);
        dispatcher.activate(factoryOf(bean));
        dispatcher.publish(record("/first"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (dispatcher.queued() > 0) { // the first delivery has taken its record and waits at the gate
            assertTrue(System.nanoTime() < deadline);
            Thread.sleep(5);
        }
        for (int i = 0; i < 2 * EventDispatcher.BATCH + 50; i++) {
            dispatcher.publish(record("/" + i));
        }
        gate.countDown();
        while (bean.received.size() < 2 * EventDispatcher.BATCH + 51) {
            assertTrue(System.nanoTime() < deadline, "delivered: " + bean.received.size());
            Thread.sleep(5);
        }
        synchronized (bean) {
            assertEquals(List.of(1, EventDispatcher.BATCH, EventDispatcher.BATCH, 50), bean.batchSizes);
            assertEquals("/" + (2 * EventDispatcher.BATCH + 49), bean.received.get(bean.received.size() - 1));
        }
    }

    @Test
    void aLingeringDrainWaitsAndTakesTheBurstInOneBatch() throws Exception {
        Bean bean = new Bean(new CountDownLatch(0));
        EventDispatcher dispatcher = new EventDispatcher(task -> new Thread(task).start(), 1000, 300);
        dispatcher.activate(factoryOf(bean));
        long start = System.nanoTime();
        for (int i = 0; i < 150; i++) {
            dispatcher.publish(record("/" + i));
        }
        Thread.sleep(100);
        synchronized (bean) {
            assertEquals(List.of(), bean.batchSizes, "nothing is delivered while the drain lingers");
        }
        long deadline = start + TimeUnit.SECONDS.toNanos(5);
        while (bean.received.size() < 150) {
            assertTrue(System.nanoTime() < deadline, "delivered: " + bean.received.size());
            Thread.sleep(5);
        }
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300), "the drain waited its linger");
        synchronized (bean) {
            assertEquals(List.of(150), bean.batchSizes, "one call of the bean for the whole burst");
        }
    }

    @Test
    void afterDeactivationRecordsAreKeptForTakeAll() {
        Bean bean = new Bean(new CountDownLatch(0));
        EventDispatcher dispatcher = new EventDispatcher(task -> { }, 10); // never runs a drain
        MessageEndpointFactory factory = factoryOf(bean);
        dispatcher.activate(factory);
        dispatcher.deactivate(factory);
        dispatcher.publish(record("/late-1"));
        dispatcher.publish(record("/late-2"));
        List<AccessRecord> taken = dispatcher.takeAll();
        assertEquals(List.of("/late-1", "/late-2"), taken.stream().map(AccessRecord::uriStem).toList());
        assertEquals(0, dispatcher.queued());
    }
}
