package org.tributary.relay;

import org.tributary.stream.Backoff;
import org.tributary.api.RelayDefinition;
import org.tributary.api.RelayInfo;
import org.tributary.rtsp.RtspParseException;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * One relay's life, the part pull and push share: wanted or not, one loop on a long-running work that connects,
 * runs the connection until it is lost and waits out the {@link Backoff} before the next attempt; the last
 * error, the reconnects, the bit rate and (pull, on demand) the linger after the last viewer. Every time is the
 * caller's {@code nanoClock}.
 */
abstract class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class.getName());
    /** The bit rate is measured over this long. */
    private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    final RelayDefinition definition;
    final String canonicalPath;
    final RelayTimings timings;
    final LongSupplier nanoClock;
    private final Clock wallClock;
    private final BiConsumer<String, Runnable> workStarter;
    /** RTP bytes relayed, headers included. */
    final AtomicLong bytes = new AtomicLong();

    private boolean wanted;
    private boolean loopRunning;
    private RelayState state;
    private int lossesInARow;
    private long connections;
    private long reconnects;
    private Instant connectedAt;
    private long playingSinceNanos;
    private String lastError;
    private Instant lastErrorAt;
    private long lastDemandNanos;
    private long rateSampledAtNanos;
    private long rateSampledBytes;
    private volatile long bitsPerSecond;
    private volatile RtspLink link;

    Relay(RelayDefinition definition, String canonicalPath, RelayTimings timings, BiConsumer<String, Runnable> workStarter,
          LongSupplier nanoClock, Clock wallClock) {
        this.definition = definition;
        this.canonicalPath = canonicalPath;
        this.timings = timings;
        this.workStarter = workStarter;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.state = definition.enabled() ? RelayState.IDLE : RelayState.DISABLED;
        this.rateSampledAtNanos = nanoClock.getAsLong();
    }

    /** Runs one connection until it is lost or the relay is no longer wanted. */
    abstract void runConnection() throws IOException, RtspParseException, RelayException;

    /** The connection is over, for good (not wanted) or for a reconnect: what it held on this server is let go. */
    abstract void connectionOver(boolean stopping);

    /** Readers of the relayed stream now (0 for a push relay). */
    abstract int viewers();

    /** Connected, a demand by a viewer or for good. Starts the loop unless it runs. */
    final synchronized void want(long nowNanos) {
        if (!definition.enabled()) {
            return;
        }
        wanted = true;
        lastDemandNanos = nowNanos;
        if (!loopRunning) {
            loopRunning = true;
            lossesInARow = 0;
            state = RelayState.CONNECTING;
            workStarter.accept("tributary-relay-" + definition.name(), this::loop);
        }
    }

    /** No longer wanted: the loop ends at its next step and the connection is closed. */
    final void unwant() {
        RtspLink current;
        synchronized (this) {
            wanted = false;
            notifyAll();
            current = link;
        }
        closeQuietly(current);
    }

    final synchronized boolean wanted() {
        return wanted;
    }

    private void loop() {
        while (true) {
            synchronized (this) {
                if (!wanted) {
                    connectionOver(true); // under the lock: a loop started right after finds a clean slate
                    loopRunning = false;
                    state = definition.enabled() ? RelayState.IDLE : RelayState.DISABLED;
                    connectedAt = null;
                    break;
                }
                state = RelayState.CONNECTING;
            }
            String failure = null;
            try {
                runConnection();
            } catch (IOException | RtspParseException | RelayException | RuntimeException e) {
                failure = describe(e);
            } finally {
                closeQuietly(link);
                link = null;
            }
            boolean stopping = !wanted();
            connectionOver(stopping);
            if (!stopping && failure != null) {
                backOff(failure);
            }
        }
        LOG.info("relay " + definition.name() + " stopped");
    }

    private synchronized void backOff(String failure) {
        long now = nanoClock.getAsLong();
        long lasted = playingSinceNanos == 0 ? 0 : now - playingSinceNanos;
        playingSinceNanos = 0;
        connectedAt = null;
        lastError = failure;
        lastErrorAt = wallClock.instant();
        Backoff.Delay delay = timings.backoff().next(lossesInARow, lasted);
        lossesInARow = delay.exitsInARow();
        state = RelayState.BACKING_OFF;
        LOG.warning("relay " + definition.name() + " (" + definition.url() + "): " + failure + "; again in "
                + TimeUnit.NANOSECONDS.toMillis(delay.nanos()) + " ms");
        long until = now + delay.nanos();
        try {
            long left;
            while (wanted && (left = until - nanoClock.getAsLong()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            wanted = false;
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.net.SocketTimeoutException) {
            return "the other server did not answer in time";
        }
        if (e instanceof java.io.EOFException || e instanceof java.net.SocketException) {
            return "the connection was lost: " + e.getMessage();
        }
        if (e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException) {
            return "cannot connect: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The connection in use, closed when the relay is no longer wanted.
     *
     * @throws RelayException when the relay was stopped meanwhile (the link is closed)
     */
    final void use(RtspLink opened) throws RelayException {
        synchronized (this) {
            if (wanted) {
                link = opened;
                return;
            }
        }
        closeQuietly(opened);
        throw new RelayException("stopped");
    }

    /** The media flows: counts a reconnect (every connection after the first) and notes when. */
    final synchronized void playing() {
        state = RelayState.PLAYING;
        connectedAt = wallClock.instant();
        playingSinceNanos = Math.max(1, nanoClock.getAsLong());
        if (connections++ > 0) {
            reconnects++;
        }
        LOG.info("relay " + definition.name() + " is " + (definition.direction() == RelayDefinition.Direction.PULL
                ? "receiving from " : "sending to ") + definition.url());
    }

    final synchronized void state(RelayState now) {
        state = now;
    }

    final synchronized RelayState state() {
        return state;
    }

    /** A failure that ends no connection but is worth showing (the path is taken). */
    final synchronized void error(String text) {
        lastError = text;
        lastErrorAt = wallClock.instant();
    }

    /**
     * One housekeeping round: the bit rate, and the linger stop of an on-demand relay nobody watched.
     */
    void tick(long nowNanos) {
        long elapsed = nowNanos - rateSampledAtNanos;
        if (elapsed >= RATE_WINDOW_NANOS) {
            long total = bytes.get();
            bitsPerSecond = (total - rateSampledBytes) * 8 * 1_000_000_000L / elapsed;
            rateSampledBytes = total;
            rateSampledAtNanos = nowNanos;
        }
        boolean linger;
        synchronized (this) {
            boolean watched = viewers() > 0;
            if (watched) {
                lastDemandNanos = nowNanos;
            }
            linger = !watched && wanted && definition.onDemand() && definition.direction() == RelayDefinition.Direction.PULL
                    && nowNanos - lastDemandNanos >= TimeUnit.SECONDS.toNanos(definition.lingerSeconds());
        }
        if (linger) {
            LOG.info("relay " + definition.name() + ": no viewer for " + definition.lingerSeconds() + " s, stopping it");
            unwant();
        }
    }

    /** What it is doing now; never the credentials. */
    synchronized RelayInfo info(String codecs) {
        String mode = definition.onDemand() && definition.direction() == RelayDefinition.Direction.PULL
                ? "on-demand" : "always";
        return new RelayInfo(definition.name(), definition.direction(), canonicalPath, definition.url(),
                definition.transport(), mode, state.word, state == RelayState.PLAYING ? bitsPerSecond : 0, viewers(),
                reconnects, connectedAt, lastError, lastErrorAt, codecs);
    }

    /** @throws RelayException telling people what the other server answered */
    static void refusedIf(boolean refused, String method, org.tributary.rtsp.RtspResponse response)
            throws RelayException {
        if (refused) {
            String why = response.code() == 401 ? " (the relay's user name or password was not accepted)" : "";
            throw new RelayException(method + " answered " + response.code() + " " + response.reason() + why);
        }
    }

    static void closeQuietly(RtspLink link) {
        if (link != null) {
            try {
                link.close();
            } catch (IOException ignored) {
                // closing to stop; nothing to do
            }
        }
    }

    /** A refusal or an unusable answer from the other server, or a conflict on this one. */
    static final class RelayException extends Exception {
        RelayException(String message) {
            super(message);
        }
    }
}
