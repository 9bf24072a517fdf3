package org.tributary.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlExecutorTest {

    private final List<Thread> loops = new CopyOnWriteArrayList<>();
    private ControlExecutor pool;

    private ControlExecutor pool(int threads, int queue) {
        pool = new ControlExecutor(threads, queue, (name, loop) -> {
            Thread t = new Thread(loop, name);
            t.setDaemon(true);
            loops.add(t);
            t.start();
        });
        return pool;
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.close();
        for (Thread t : loops) {
            t.join(5000);
        }
    }

    @Test
    void startsItsLoopsThroughTheStarterOnly() {
        pool(3, 10);
        assertEquals(List.of("tributary-control-1", "tributary-control-2", "tributary-control-3",
                "tributary-control-timer"), loops.stream().map(Thread::getName).toList());
    }

    @Test
    void aTaskThrowingAnErrorLeavesTheWorkerAlive() throws InterruptedException {
        pool(1, 10);
        CountDownLatch after = new CountDownLatch(1);
        pool.execute(() -> {
            throw new StackOverflowError("test");
        });
        pool.execute(() -> {
            throw new OutOfMemoryError("test");
        });
        pool.execute(after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS), "the one worker ran the next task");
    }

    @Test
    void aFullQueueRefusesAndNamesTheProperty() throws InterruptedException {
        pool(1, 2);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.execute(() -> {
            running.countDown();
            awaitQuietly(release);
        });
        assertTrue(running.await(10, TimeUnit.SECONDS));
        pool.execute(() -> { });
        pool.execute(() -> { });
        RejectedExecutionException full = assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        assertTrue(full.getMessage().contains("tributary.control.queue"), full.getMessage());
        release.countDown();
    }

    @Test
    void delayedTasksRunNoSoonerThanAskedAndInOrderWithoutAWorker() throws InterruptedException {
        pool(1, 10);
        CountDownLatch blockWorker = new CountDownLatch(1);
        pool.execute(() -> awaitQuietly(blockWorker)); // the only worker is busy: the timer must not need it
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        long start = System.nanoTime();
        long[] firstAt = new long[1];
        pool.executeLater(300, () -> {
            ran.add("second");
            both.countDown();
        });
        pool.executeLater(150, () -> {
            firstAt[0] = System.nanoTime();
            ran.add("first");
            both.countDown();
        });
        assertTrue(both.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("first", "second"), ran);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(firstAt[0] - start) >= 150, "not before its time");
        blockWorker.countDown();
    }

    @Test
    void aClosedPoolRefusesAndItsLoopsEnd() throws InterruptedException {
        pool(2, 10);
        pool.close();
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        assertThrows(RejectedExecutionException.class, () -> pool.executeLater(1, () -> { }));
        for (Thread t : loops) {
            t.join(10_000);
            assertTrue(!t.isAlive(), t.getName() + " ended");
        }
    }

    @Test
    void whenALoopCannotStartTheOnesStartedEnd() throws InterruptedException {
        pool(1, 1); // for close() after the test
        List<Thread> started = new CopyOnWriteArrayList<>();
        assertThrows(IllegalStateException.class, () -> new ControlExecutor(3, 10, (name, loop) -> {
            if (started.size() == 2) {
                throw new IllegalStateException("the WorkManager refused " + name);
            }
            Thread t = new Thread(loop, name);
            started.add(t);
            t.start();
        }));
        for (Thread t : started) {
            t.join(10_000);
            assertTrue(!t.isAlive(), t.getName() + " ended");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
