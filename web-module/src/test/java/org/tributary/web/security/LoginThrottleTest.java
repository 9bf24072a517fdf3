package org.tributary.web.security;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(3, 10, 60_000, now::get);

    @Test
    void aNameIsLockedOutAfterItsFailuresUntilTheWindowEnds() {
        throttle.failed("10.0.0.1", "ann");
        throttle.failed("10.0.0.2", "ann");
        assertTrue(throttle.lockedFor("10.0.0.3", "ann").isEmpty(), "two failures: not yet");
        throttle.failed("10.0.0.3", "ann");
        assertEquals(OptionalLong.of(60_000), throttle.lockedFor("10.0.0.9", "ann"), "from any address");
        assertTrue(throttle.lockedFor("10.0.0.1", "bob").isEmpty(), "another name from the same address is not");
        now.addAndGet(59_999);
        assertEquals(OptionalLong.of(1), throttle.lockedFor("10.0.0.9", "ann"));
        now.addAndGet(1);
        assertTrue(throttle.lockedFor("10.0.0.9", "ann").isEmpty());
        throttle.failed("10.0.0.1", "ann");
        assertTrue(throttle.lockedFor("10.0.0.1", "ann").isEmpty(), "the count started again");
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        throttle.failed("10.0.0.1", "ann");
        throttle.failed("10.0.0.1", "ann");
        now.addAndGet(60_000);
        throttle.failed("10.0.0.1", "ann");
        assertTrue(throttle.lockedFor("10.0.0.1", "ann").isEmpty());
    }

    @Test
    void anAddressGuessingManyNamesIsLockedOutForEveryName() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("10.0.0.1", "name" + i);
        }
        assertTrue(throttle.lockedFor("10.0.0.1", "someone").isPresent());
        assertTrue(throttle.lockedFor("10.0.0.2", "someone").isEmpty(), "other addresses are not");
    }

    @Test
    void aSuccessClearsOnlyItsOwnNamesCount() {
        throttle.failed("10.0.0.1", "ann");
        throttle.failed("10.0.0.1", "ann");
        throttle.failed("10.0.0.1", "bob");
        throttle.failed("10.0.0.1", "bob");
        throttle.succeeded("ann");
        throttle.failed("10.0.0.1", "ann");
        throttle.failed("10.0.0.1", "bob");
        assertTrue(throttle.lockedFor("10.0.0.2", "ann").isEmpty(), "ann's count was cleared");
        assertTrue(throttle.lockedFor("10.0.0.2", "bob").isPresent(), "bob's was not");
    }

    @Test
    void aSuccessDoesNotResetTheAddress() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("10.0.0.1", "name" + i);
        }
        throttle.succeeded("ann");
        throttle.failed("10.0.0.1", "name9");
        assertTrue(throttle.lockedFor("10.0.0.1", "ann").isPresent());
    }

    @Test
    void aLockedOutNameStaysLockedForTheRightPasswordToo() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.1", "ann");
        }
        // The guard asks before checking any password; being locked is all it needs to refuse.
        assertTrue(throttle.lockedFor("10.0.0.1", "ann").isPresent());
    }

    @Test
    void floodingNamesIsBoundedAndTheAddressStillCounts() {
        LoginThrottle wide = new LoginThrottle(3, Integer.MAX_VALUE, 60_000, now::get);
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 500; i++) {
            wide.failed("10.0.0." + (i % 200), "n" + i);
        }
        assertFalse(wide.lockedFor("10.0.0.1", "n1").isPresent());
        now.addAndGet(60_001);
        for (int i = 0; i < 3; i++) {
            wide.failed("10.0.0.1", "late");
        }
        assertTrue(wide.lockedFor("10.0.0.1", "late").isPresent(), "expired entries make room");
    }
}
