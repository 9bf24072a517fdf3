package org.tributary.relay;

import org.tributary.stream.Backoff;
import java.util.concurrent.TimeUnit;

/**
 * The times a relay works with; tests shorten them.
 *
 * @param connectTimeoutMillis bounds the connect and each answer of the other server
 * @param noMediaNanos         a pull relay receiving nothing this long has lost its source
 * @param startWaitNanos       how long a viewer of an on-demand relay waits for its first packets
 * @param graceNanos           how long a lost pull relay keeps its stream (and viewers) while it reconnects
 * @param backoff              the delays between attempts
 */
record RelayTimings(int connectTimeoutMillis, long noMediaNanos, long startWaitNanos, long graceNanos,
                    Backoff backoff) {

    static final RelayTimings STANDARD = new RelayTimings(5_000, TimeUnit.SECONDS.toNanos(10),
            TimeUnit.SECONDS.toNanos(5), TimeUnit.SECONDS.toNanos(30), Backoff.STANDARD);
}
