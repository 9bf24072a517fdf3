package org.tributary.ejb.cluster;

import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The shared database's clock: nodes on different machines write and compare heartbeat times by it, never by their
 * own JVM's clock, so a node whose clock is off is neither taken for dead nor kept alive too long.
 */
final class DatabaseClock {

    /**
     * The database's time as seconds since the epoch, valid on H2 and PostgreSQL alike (both answer a NUMERIC with
     * the microseconds). A number rather than the timestamp itself: PostgreSQL's driver reports a timestamp with time
     * zone as a plain TIMESTAMP, which a JPA provider may turn into a local date-time of the JVM's zone, and nodes in
     * different zones would then disagree.
     */
    static final String NOW = "select extract(epoch from current_timestamp)";

    private DatabaseClock() {
    }

    static Instant now(EntityManager em) {
        return instant(em.createNativeQuery(NOW).getSingleResult());
    }

    /** The instant of a number of seconds since the epoch, with its fraction to the microsecond. */
    static Instant instant(Object value) {
        if (value instanceof BigDecimal seconds) {
            BigDecimal whole = new BigDecimal(seconds.toBigInteger());
            long nanos = seconds.subtract(whole).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        }
        if (value instanceof Number seconds) { // PostgreSQL before 14 answers a double precision
            return Instant.ofEpochSecond(0, Math.round(seconds.doubleValue() * 1e6) * 1000);
        }
        throw new IllegalStateException("the database answered '" + value + "' ("
                + (value == null ? "null" : value.getClass().getName()) + ") to " + NOW + "; expected a number");
    }
}
