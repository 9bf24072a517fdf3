package org.tributary.relay;

import org.tributary.api.RelayDefinition;
import org.tributary.api.RelayInfo;
import org.tributary.catalog.CanonicalPath;
import org.tributary.catalog.MediaCatalog;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamUnavailableException;
import org.tributary.transport.ReceivePortPairs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The relays the adapter runs, by name: added or replaced ({@link #put}), removed, listed; always-on ones connect
 * when put, on-demand pull relays when a viewer finds their path empty (as the {@link PathRegistry}'s on-demand
 * provider, the viewer waiting on its request thread for the first packets); each housekeeping round
 * {@link #tick}s them (bit rate, linger stop, grace end).
 */
public final class Relays implements PathRegistry.OnDemand {

    private static final Logger LOG = Logger.getLogger(Relays.class.getName());
    /** At most this many relays: each may hold a connection and a thread. */
    public static final int MAX_RELAYS = 256;
    /** How often a waiting viewer looks whether the relay receives. */
    private static final long POLL_MILLIS = 50;

    private final PathRegistry paths;
    private final ReceivePortPairs udpPorts;
    private final BiConsumer<String, Runnable> workStarter;
    private final RelayTimings timings;
    private final LongSupplier nanoClock;
    private final Clock wallClock;
    /** Viewers waiting on request threads; capped below the number of those threads. */
    private final Semaphore waiting;
    private final int maxWaiting;
    private final Map<String, Relay> byName = new TreeMap<>();

    /**
     * @param udpPorts    where UDP pull relays receive, or null (then only tcp relays run)
     * @param maxWaiting  viewers that may wait for on-demand relays at once (fewer than the request threads)
     * @param workStarter starts a relay's loop (the adapter's WorkManager)
     */
    public static Relays standard(PathRegistry paths, ReceivePortPairs udpPorts, int maxWaiting,
                                  BiConsumer<String, Runnable> workStarter) {
        return new Relays(paths, udpPorts, maxWaiting, workStarter, RelayTimings.STANDARD, System::nanoTime,
                Clock.systemUTC());
    }

    Relays(PathRegistry paths, ReceivePortPairs udpPorts, int maxWaiting, BiConsumer<String, Runnable> workStarter,
           RelayTimings timings, LongSupplier nanoClock, Clock wallClock) {
        this.paths = paths;
        this.udpPorts = udpPorts;
        this.workStarter = workStarter;
        this.timings = timings;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.maxWaiting = Math.max(0, maxWaiting);
        this.waiting = new Semaphore(this.maxWaiting);
    }

    /**
     * Runs a relay: a new one, or one of that name again with this definition (the old one stops first). A
     * disabled one is kept and runs nothing; an always-on (or push) one connects now.
     *
     * @throws IllegalArgumentException when the path is not usable, another pull relay serves it, or there are
     *                                  {@link #MAX_RELAYS} already
     */
    public RelayInfo put(RelayDefinition definition) {
        String canonical;
        try {
            canonical = paths.canonical(definition.path()).path();
        } catch (MediaCatalog.MalformedPathException | MediaCatalog.MediaForbiddenException e) {
            throw new IllegalArgumentException("the relay's path " + definition.path() + " is not usable: "
                    + e.getMessage(), e);
        }
        Relay relay;
        Relay replaced;
        synchronized (this) {
            replaced = byName.get(definition.name());
            if (replaced == null && byName.size() >= MAX_RELAYS) {
                throw new IllegalArgumentException("at most " + MAX_RELAYS + " relays can run on one server; remove one"
                        + " first");
            }
            if (definition.direction() == RelayDefinition.Direction.PULL) {
                for (Relay other : byName.values()) {
                    if (other != replaced && other instanceof PullRelay && other.canonicalPath.equals(canonical)) {
                        throw new IllegalArgumentException("the relay " + other.definition.name() + " already serves "
                                + canonical);
                    }
                }
                relay = new PullRelay(definition, canonical, paths, udpPorts, timings, workStarter, nanoClock, wallClock);
            } else {
                relay = new PushRelay(definition, canonical, paths, timings, workStarter, nanoClock, wallClock);
            }
            byName.put(definition.name(), relay);
        }
        if (replaced != null) {
            replaced.unwant();
        }
        LOG.info("relay " + definition + (definition.enabled() ? "" : " (disabled)") + " put");
        if (definition.enabled() && (definition.direction() == RelayDefinition.Direction.PUSH || !definition.onDemand())) {
            relay.want(nanoClock.getAsLong());
        }
        return info(relay);
    }

    /** Stops and forgets a relay (a pull relay's viewers are ended). @return its last state, or null when none */
    public RelayInfo remove(String name) {
        Relay relay;
        synchronized (this) {
            relay = byName.remove(name);
        }
        if (relay == null) {
            return null;
        }
        relay.unwant();
        LOG.info("relay " + name + " removed");
        return info(relay);
    }

    /** Every relay with its state now, in name order. */
    public List<RelayInfo> infos() {
        List<RelayInfo> out = new ArrayList<>();
        for (Relay relay : snapshot()) {
            out.add(info(relay));
        }
        return out;
    }

    /** The stream a pull relay serves at its path now, or null (none of that name, a push relay, or not connected). */
    public Stream streamOf(String name) {
        Relay relay;
        synchronized (this) {
            relay = byName.get(name);
        }
        return relay instanceof PullRelay pull ? pull.stream() : null;
    }

    /** One housekeeping round. */
    public void tick(long nowNanos) {
        for (Relay relay : snapshot()) {
            relay.tick(nowNanos);
        }
    }

    /** Stops every relay, for the adapter's stop. */
    public void closeAll() {
        List<Relay> all;
        synchronized (this) {
            all = new ArrayList<>(byName.values());
            byName.clear();
        }
        all.forEach(Relay::unwant);
    }

    /**
     * A viewer asks for a path without a stream: if an enabled on-demand pull relay serves it, connects it and
     * waits, on the request's thread, for its first packets.
     *
     * @return the relayed stream, or null when no such relay serves the path
     * @throws StreamUnavailableException when it did not receive in time
     */
    @Override
    public Stream start(CanonicalPath canonical) throws StreamUnavailableException {
        PullRelay relay = null;
        for (Relay r : snapshot()) {
            if (r instanceof PullRelay pull && r.canonicalPath.equals(canonical.path()) && r.definition.enabled()) {
                relay = pull;
            }
        }
        if (relay == null) {
            return null;
        }
        String name = relay.definition.name();
        long deadline = nanoClock.getAsLong() + timings.startWaitNanos();
        relay.want(nanoClock.getAsLong());
        if (!waiting.tryAcquire()) {
            throw new StreamUnavailableException("the relay " + name + " is connecting; no more viewers may wait for"
                    + " relays now (at most " + maxWaiting + " at once), try again in a moment");
        }
        try {
            Stream stream;
            while ((stream = relay.flowing()) == null) {
                if (!relay.wanted()) {
                    throw new StreamUnavailableException("the relay " + name + " was stopped while connecting");
                }
                if (nanoClock.getAsLong() - deadline >= 0) {
                    RelayInfo info = relay.info(relay.codecs());
                    throw new StreamUnavailableException("the relay " + name + " received nothing from its source"
                            + " in time (" + info.state() + (info.lastError() == null ? "" : ": " + info.lastError())
                            + ")");
                }
                Thread.sleep(POLL_MILLIS);
            }
            return stream;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamUnavailableException("interrupted while waiting for the relay " + name);
        } finally {
            waiting.release();
        }
    }

    private synchronized List<Relay> snapshot() {
        return new ArrayList<>(byName.values());
    }

    private static RelayInfo info(Relay relay) {
        String codecs = relay instanceof PullRelay pull ? pull.codecs() : ((PushRelay) relay).codecs();
        return relay.info(codecs);
    }
}
