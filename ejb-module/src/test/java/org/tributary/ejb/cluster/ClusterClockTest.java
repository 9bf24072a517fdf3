package org.tributary.ejb.cluster;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What H2 and PostgreSQL answer to the clock query (a NUMERIC of epoch seconds, a double on PostgreSQL before 14) is
 * read as the same instant, to the microsecond.
 */
class ClusterClockTest {

    @Test
    void aNumericIsExact() {
        assertEquals(Instant.parse("2026-12-05T23:43:40.637153Z"),
                DatabaseClock.instant(new BigDecimal("1796514220.637153")));
        assertEquals(Instant.parse("2026-12-05T23:43:40Z"), DatabaseClock.instant(new BigDecimal("1796514220")));
    }

    @Test
    void aDoubleIsTakenToTheMicrosecond() {
        assertEquals(Instant.parse("2026-12-05T23:43:40.637153Z"), DatabaseClock.instant(1796514220.637153d));
    }

    @Test
    void anythingElseSaysWhatTheDatabaseAnswered() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DatabaseClock.instant("noon"));
        assertTrue(e.getMessage().contains("'noon' (java.lang.String) to select extract(epoch from current_timestamp)"),
                e.getMessage());
    }
}
