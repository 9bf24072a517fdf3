package org.tributary.ejb.console;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A login with an unknown name does the same PBKDF2 work as one with a known name and a wrong password. */
class UnknownNameLoginCostTest {

    @Test
    void theDummyHashCostsWhatARealOneCostsAndMatchesNothing() {
        String[] parts = DummyHash.value().split("\\$");
        assertEquals(String.valueOf(PasswordHash.ITERATIONS), parts[1]);
        assertFalse(PasswordHash.verify("", DummyHash.value()));
        assertFalse(PasswordHash.verify("admin", DummyHash.value()));
    }

    @Test
    void refusingAnUnknownNameTakesAboutAsLongAsRefusingAKnownOne() throws Exception {
        FirstRunPasswordFileTest.Accounts accounts = new FirstRunPasswordFileTest.Accounts();
        accounts.create("known", ConsoleRole.VIEWER, "the right password");
        accounts.authenticate("nobody", "warm up");
        long known = medianNanos(() -> assertTrue(accounts.authenticate("known", "wrong password").isEmpty()));
        long unknown = medianNanos(() -> assertTrue(accounts.authenticate("nobody", "wrong password").isEmpty()));
        // Without the dummy hash an unknown name costs a map lookup: thousands of times less than PBKDF2.
        double ratio = (double) unknown / known;
        assertTrue(ratio > 0.3 && ratio < 3.5, "unknown " + unknown + " ns, known " + known + " ns");
    }

    private static long medianNanos(Runnable login) {
        long[] times = new long[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            login.run();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
