package org.tributary.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Playbacks spread over the sender loops, pumped with the engine's clock, and leaving when done or failed. */
class StreamingEngineTest {

    private final List<Thread> threads = new ArrayList<>();
    private StreamingEngine engine;

    private StreamingEngine engine(int loops, java.util.function.LongSupplier clock) {
        return engine(loops, 0, clock);
    }

    private StreamingEngine engine(int loops, long sendAheadNanos, java.util.function.LongSupplier clock) {
        engine = new StreamingEngine(loops, (name, loop) -> {
            Thread thread = new Thread(loop, name);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }, sendPath(), sendAheadNanos, clock);
        return engine;
    }

    /** How the loops wait and send; {@link StreamingEngineBatchedTest} runs every test again on the native path. */
    protected org.tributary.transport.SendPath sendPath() {
        return org.tributary.transport.SendPath.oneCallPerPacket("test");
    }

    @AfterEach
    void stop() throws InterruptedException {
        engine.close();
        for (Thread thread : threads) {
            thread.join(5000);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aPlaybackIsPumpedWithTheEnginesClockUntilItIsDone() throws Exception {
        engine(1, () -> 42L);
        List<Long> times = new CopyOnWriteArrayList<>();
        engine.schedule(now -> {
            times.add(now);
            return times.size() < 3 ? now : Playback.DONE;
        });
        await(() -> engine.activePlaybacks() == 0, "the playback is done");
        assertEquals(List.of(42L, 42L, 42L), times);
    }

    @Test
    void playbacksAreSpreadOverTheLoops() throws Exception {
        engine(2, System::nanoTime);
        Map<String, AtomicInteger> perThread = new ConcurrentHashMap<>();
        AtomicInteger pumped = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            boolean[] counted = {false};
            engine.schedule(now -> {
                if (!counted[0]) {
                    counted[0] = true;
                    perThread.computeIfAbsent(Thread.currentThread().getName(), n -> new AtomicInteger()).incrementAndGet();
                    pumped.incrementAndGet();
                }
                return now + 1_000_000_000L;
            });
        }
        await(() -> pumped.get() == 4, "every playback ran once");
        assertEquals(2, perThread.size());
        perThread.values().forEach(count -> assertEquals(2, count.get()));
        assertEquals(4, engine.activePlaybacks());
    }

    @Test
    void aFailingPlaybackLeavesAndTheOthersGoOn() throws Exception {
        engine(1, System::nanoTime);
        AtomicInteger healthy = new AtomicInteger();
        engine.schedule(now -> {
            throw new IllegalStateException("a broken playback");
        });
        engine.schedule(now -> healthy.incrementAndGet() < 5 ? now : Playback.DONE);
        await(() -> engine.activePlaybacks() == 0, "both left the engine");
        assertEquals(5, healthy.get());
    }

    @Test
    void aPlaybackIsNotPumpedBeforeItsDueTime() throws Exception {
        AtomicLong clock = new AtomicLong(1_000);
        engine(1, clock::get);
        List<Long> times = new CopyOnWriteArrayList<>();
        engine.schedule(now -> {
            times.add(now);
            return times.size() == 1 ? 2_000 : Playback.DONE;
        });
        await(() -> times.size() == 1, "the first pump");
        Thread.sleep(100); // not an assertion that waits for something: the loop wakes at least twice meanwhile
        assertEquals(1, times.size(), "due at 2000, the clock says 1000");
        clock.set(2_000);
        await(() -> engine.activePlaybacks() == 0, "the second pump");
        assertEquals(List.of(1_000L, 2_000L), times);
        assertTrue(threads.get(0).isAlive());
    }

    @Test
    void aTurnTakesThePlaybacksDueWithinTheSendAheadWindowNeverOnesBeyondIt() throws Exception {
        AtomicLong clock = new AtomicLong(1_000);
        engine(1, 2_000_000, clock::get);
        Map<String, List<Long>> times = new ConcurrentHashMap<>();
        java.util.function.BiFunction<String, Long, Playback> dueAt = (name, second) -> now -> {
            List<Long> mine = times.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
            mine.add(now);
            return mine.size() == 1 ? second : Playback.DONE;
        };
        engine.schedule(dueAt.apply("a", 10_000_000L));
        engine.schedule(dueAt.apply("b", 11_500_000L));
        engine.schedule(dueAt.apply("c", 12_500_000L));
        await(() -> times.size() == 3, "the first pumps");
        clock.set(10_000_000);
        await(() -> times.get("b").size() == 2, "b pumped in a's turn");
        assertEquals(List.of(2_001_000L, 12_000_000L), times.get("a"), "pumped at the window's end");
        assertEquals(List.of(2_001_000L, 12_000_000L), times.get("b"), "due 1.5 ms later: within the 2 ms window");
        Thread.sleep(100); // the loop waits for c meanwhile
        assertEquals(1, times.get("c").size(), "due 2.5 ms later: not in that turn, and never before its time");
        clock.set(12_500_000);
        await(() -> engine.activePlaybacks() == 0, "c's turn");
        assertEquals(List.of(2_001_000L, 14_500_000L), times.get("c"));
    }

    /** Pumped once at the start and then due only in an hour, unless woken; done after {@code pumps} pumps. */
    private static final class WokenPlayback implements Playback {
        final AtomicInteger pumped = new AtomicInteger();
        final int pumps;
        volatile Runnable wake;
        volatile Runnable duringPump;

        WokenPlayback(int pumps) {
            this.pumps = pumps;
        }

        @Override
        public long pump(long nowNanos) {
            Runnable during = duringPump;
            duringPump = null;
            if (during != null) {
                during.run();
            }
            return pumped.incrementAndGet() >= pumps ? DONE : nowNanos + 3_600_000_000_000L;
        }

        @Override
        public void wakeWith(Runnable wake) {
            this.wake = wake;
        }
    }

    @Test
    void aWokenPlaybackIsPumpedAtOnceAndItsLeftBehindEntryNeverRuns() throws Exception {
        engine(1, System::nanoTime);
        WokenPlayback playback = new WokenPlayback(100);
        engine.schedule(playback);
        await(() -> playback.pumped.get() == 1 && playback.wake != null, "the first pump");
        for (int i = 2; i <= 4; i++) {
            playback.wake.run();
            int expected = i;
            await(() -> playback.pumped.get() >= expected, "pump " + expected + " after its wake");
        }
        Thread.sleep(100); // not an assertion that waits: the loop passes over the left-behind entries meanwhile
        assertEquals(4, playback.pumped.get(), "one pump per wake, none for the entries due in an hour");
    }

    @Test
    void aWakeDuringThePumpIsNotLost() throws Exception {
        engine(1, System::nanoTime);
        WokenPlayback playback = new WokenPlayback(100);
        playback.duringPump = () -> playback.wake.run(); // data arrives while the first pump finds none
        engine.schedule(playback);
        await(() -> playback.pumped.get() >= 2, "pumped again for the wake that came during the first pump");
    }

    @Test
    void wakingADonePlaybackDoesNothing() throws Exception {
        engine(1, System::nanoTime);
        WokenPlayback playback = new WokenPlayback(2);
        engine.schedule(playback);
        await(() -> playback.wake != null && playback.pumped.get() == 1, "the first pump");
        playback.wake.run();
        await(() -> engine.activePlaybacks() == 0, "done after its second pump");
        playback.wake.run();
        Thread.sleep(100); // not an assertion that waits: the loop takes the wake meanwhile
        assertEquals(2, playback.pumped.get());
        assertEquals(0, engine.activePlaybacks());
    }
}
