package org.tributary.ra;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HousekeepingTest {

    @Test
    void aFailingChoreDoesNotSkipTheOthersAndEachGetsTheRoundsClock() {
        List<String> ran = new ArrayList<>();
        Housekeeping chores = new Housekeeping(List.of(
                now -> ran.add("reap@" + now),
                now -> {
                    throw new IllegalStateException("broken on purpose");
                },
                now -> ran.add("sample@" + now)));
        chores.runOnce(42);
        chores.runOnce(43);
        assertEquals(List.of("reap@42", "sample@42", "reap@43", "sample@43"), ran);
    }

    @Test
    void aStoppedLoopReturnsAfterItsCurrentRound() {
        Housekeeping chores = new Housekeeping(List.of());
        chores.stop();
        chores.run(); // returns at once: a loop that ignored stop() would hang this test
    }
}
