package org.tributary.server;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared counters behind the connection limits. */
class GuardStateTest {

    @Test
    void addressCountsStopAtTheLimitAndFreeOnRelease() throws Exception {
        AddressCounts counts = new AddressCounts();
        InetAddress a = InetAddress.getByName("127.0.0.1");
        InetAddress b = InetAddress.getByName("127.0.0.2");
        assertTrue(counts.tryAcquire(a, 2));
        assertTrue(counts.tryAcquire(a, 2));
        assertFalse(counts.tryAcquire(a, 2));
        assertTrue(counts.tryAcquire(b, 2), "another address has its own count");
        counts.release(a);
        assertTrue(counts.tryAcquire(a, 2));
        counts.release(a);
        counts.release(a);
        assertEquals(0, counts.count(a));
    }

    @Test
    void outputBudgetRefusesMediaPastTheCapButCountsResponses() {
        OutputBudget budget = new OutputBudget(1000);
        assertTrue(budget.tryReserve(600));
        assertFalse(budget.tryReserve(500));
        budget.reserve(500); // a response is queued even past the cap
        assertEquals(1100, budget.queuedBytes());
        budget.release(1100);
        assertTrue(budget.tryReserve(1000));
    }

    @Test
    void throttledLogWritesOneLinePerKeyPerPeriod() {
        Logger logger = Logger.getLogger("test.throttled." + System.nanoTime());
        logger.setUseParentHandlers(false);
        List<LogRecord> records = new ArrayList<>();
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        ThrottledLog log = new ThrottledLog(logger, 3600);
        for (int i = 0; i < 5000; i++) {
            log.log(Level.WARNING, "per-address 127.0.0.1", "refused " + i);
        }
        log.log(Level.WARNING, "per-address 127.0.0.2", "refused other");
        assertEquals(2, records.size());
        assertEquals("refused 0", records.get(0).getMessage());
        assertEquals(Level.WARNING, records.get(0).getLevel());

        ThrottledLog every = new ThrottledLog(logger, 0);
        every.log(Level.INFO, "k", "one");
        every.log(Level.INFO, "k", "two");
        assertEquals(4, records.size());
    }
}
