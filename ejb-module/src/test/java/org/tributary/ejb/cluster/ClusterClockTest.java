package org.tributary.ejb.cluster;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What H2 and PostgreSQL answer to "select current_timestamp" (through Hibernate) is read as the same instant. */
class ClusterClockTest {

    private static final Instant T = Instant.parse("2026-12-05T20:00:00.123456Z");

    @Test
    void everyTimestampTypeIsTheSameInstant() {
        assertEquals(T, DatabaseClock.instant(T));
        assertEquals(T, DatabaseClock.instant(OffsetDateTime.ofInstant(T, ZoneOffset.ofHours(2))));
        assertEquals(T, DatabaseClock.instant(T.atZone(ZoneOffset.ofHours(-5))));
        assertEquals(T, DatabaseClock.instant(Timestamp.from(T)), "with its microseconds");
        assertEquals(Instant.parse("2026-12-05T20:00:00.123Z"), DatabaseClock.instant(java.util.Date.from(T)));
    }

    @Test
    void anythingElseSaysWhatTheDatabaseAnswered() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DatabaseClock.instant("noon"));
        assertTrue(e.getMessage().contains("'noon' (java.lang.String) to select current_timestamp"), e.getMessage());
    }
}
