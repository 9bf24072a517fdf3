package org.tributary.ejb.cluster;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * The shared database's clock: nodes on different machines write and compare heartbeat times by it, never by their
 * own JVM's clock, so a node whose clock is off is neither taken for dead nor kept alive too long.
 */
final class DatabaseClock {

    /** Valid on H2 and PostgreSQL alike: both answer a timestamp with time zone, with no FROM clause. */
    static final String NOW = "select current_timestamp";

    private DatabaseClock() {
    }

    static Instant now(EntityManager em) {
        return instant(em.createNativeQuery(NOW).getSingleResult());
    }

    /**
     * The instant of what the JDBC driver answers (through Hibernate) for a timestamp with time zone: an
     * {@code OffsetDateTime} (H2), a {@code java.sql.Timestamp} (PostgreSQL), or already an {@code Instant}.
     */
    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Date d) { // java.sql.Timestamp too, with its nanoseconds
            return d instanceof java.sql.Timestamp t ? t.toInstant() : d.toInstant();
        }
        throw new IllegalStateException("the database answered '" + value + "' ("
                + (value == null ? "null" : value.getClass().getName()) + ") to " + NOW + "; expected a timestamp");
    }
}
