package org.tributary.server;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The throttled log on a clock the test moves: one line per key and period, then a count of the rest. */
class ThrottledLogTest {

    @Test
    void aKeyIsLoggedOncePerPeriodAndTheNextLineCountsWhatWasLeftOut() {
        Logger logger = Logger.getLogger("test.throttled." + System.nanoTime());
        logger.setUseParentHandlers(false);
        List<String> lines = new CopyOnWriteArrayList<>();
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        AtomicLong clock = new AtomicLong();
        ThrottledLog log = new ThrottledLog(logger, 60, clock::get);
        for (int i = 0; i < 4; i++) {
            log.log(Level.WARNING, "drop 10.0.0.1", "dropping");
        }
        log.log(Level.WARNING, "drop 10.0.0.2", "other");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(59));
        log.log(Level.WARNING, "drop 10.0.0.1", "dropping");
        assertEquals(List.of("dropping", "other"), lines, "within the period each key is logged once");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        log.log(Level.WARNING, "drop 10.0.0.1", "dropping");
        assertEquals(List.of("dropping", "other",
                "dropping (and 4 more like it not logged since the last such line)"), lines);
    }
}
