package org.tributary.session;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OncePerPeriodTest {

    @Test
    void oncePerKeyPerPeriod() {
        AtomicLong now = new AtomicLong();
        OncePerPeriod<String> log = new OncePerPeriod<>(60, now::get);
        assertTrue(log.shouldLog("10.0.0.1"));
        assertFalse(log.shouldLog("10.0.0.1"));
        assertTrue(log.shouldLog("10.0.0.2"), "another key is logged at once");
        now.addAndGet(59_000_000_000L);
        assertFalse(log.shouldLog("10.0.0.1"));
        now.addAndGet(1_000_000_000L);
        assertTrue(log.shouldLog("10.0.0.1"), "again after a period");
        assertFalse(log.shouldLog("10.0.0.1"));
    }
}
