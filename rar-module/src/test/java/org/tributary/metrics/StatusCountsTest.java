package org.tributary.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusCountsTest {

    @Test
    void errorStatusesAreCountedBySuccessesAreNot() {
        StatusCounts counts = new StatusCounts();
        for (int status : new int[]{200, 401, 404, 401, 503, 302, 454, 600, 399}) {
            counts.answered(status);
        }
        assertEquals(Map.of(401, 2L, 404, 1L, 454, 1L, 503, 1L), counts.snapshot());
        assertEquals(List.of(401, 404, 454, 503), List.copyOf(counts.snapshot().keySet()), "in code order");
    }
}
