package org.tributary.live.local;

import org.tributary.stream.Backoff;
import org.tributary.api.LocalBroadcasterInfo;
import org.tributary.catalog.CanonicalPath;
import org.tributary.catalog.MediaCatalog;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamUnavailableException;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs the local broadcasters: always-on ones from {@link #start} to {@link #close}, on-demand ones from the
 * first viewer that finds their path empty (as the {@link PathRegistry}'s on-demand provider) until their
 * linger time after the last viewer; each round of the adapter's housekeeping {@link #tick}s them. Operators
 * start and stop them by name.
 */
public final class BroadcasterSupervisor implements PathRegistry.OnDemand {

    private static final Logger LOG = Logger.getLogger(BroadcasterSupervisor.class.getName());
    /** How long a stopping process has between SIGTERM and SIGKILL. */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How often a waiting viewer looks whether the broadcaster published. */
    private static final long POLL_MILLIS = 50;

    private final PathRegistry paths;
    private final LongSupplier nanoClock;
    /**
     * Viewers waiting on request threads; capped below the number of those threads, so the broadcaster's own
     * ANNOUNCE, SETUP and RECORD always find one free.
     */
    private final Semaphore waiting;
    private final int maxWaiting;
    /** By name, in the file's order. */
    private final Map<String, Running> byName = new LinkedHashMap<>();
    /** By canonical path. */
    private final Map<String, Running> byPath = new ConcurrentHashMap<>();

    private record Running(LocalBroadcaster broadcaster, String canonicalPath) {
    }

    /**
     * @param rtsp        the server's RTSP address now, for the commands' placeholders
     * @param maxWaiting  viewers that may wait for broadcasters at once (fewer than the request threads); the
     *                    others get a 503 at once, the broadcaster starting all the same
     * @param pumpStarter starts the loop copying a process's output to the log (the adapter's WorkManager)
     */
    public static BroadcasterSupervisor standard(List<BroadcasterDefinition> definitions, PathRegistry paths,
                                                 Supplier<InetSocketAddress> rtsp, int maxWaiting,
                                                 BiConsumer<String, Runnable> pumpStarter) {
        return new BroadcasterSupervisor(definitions, paths, rtsp, maxWaiting, new OsProcessLauncher(pumpStarter),
                Backoff.STANDARD, System::nanoTime, Clock.systemUTC());
    }

    BroadcasterSupervisor(List<BroadcasterDefinition> definitions, PathRegistry paths,
                          Supplier<InetSocketAddress> rtsp, int maxWaiting, BroadcasterProcess.Launcher launcher,
                          Backoff backoff, LongSupplier nanoClock, Clock wallClock) {
        this.paths = paths;
        this.nanoClock = nanoClock;
        this.maxWaiting = Math.max(0, maxWaiting);
        this.waiting = new Semaphore(this.maxWaiting);
        for (BroadcasterDefinition d : definitions) {
            String canonical;
            try {
                canonical = paths.canonical(d.path()).path();
            } catch (MediaCatalog.MalformedPathException | MediaCatalog.MediaForbiddenException e) {
                LOG.severe("broadcaster " + d.name() + " is left out: its path " + d.path() + " is not usable: "
                        + e.getMessage());
                continue;
            }
            Supplier<List<String>> command = () -> d.commandFor(rtsp.get().getHostString(), rtsp.get().getPort());
            Running running = new Running(new LocalBroadcaster(d, command, launcher, backoff, GRACE_NANOS,
                    wallClock), canonical);
            byName.put(d.name(), running);
            byPath.put(canonical, running);
        }
    }

    /** Starts the always-on broadcasters. */
    public void start() {
        long now = nanoClock.getAsLong();
        for (Running r : byName.values()) {
            if (r.broadcaster().definition().mode() == StartMode.ALWAYS) {
                r.broadcaster().want(true, now);
            }
        }
    }

    /** One housekeeping round: exits, restarts, kills past the grace period, linger stops. */
    public void tick(long nowNanos) {
        for (Running r : byName.values()) {
            r.broadcaster().tick(nowNanos, viewers(r));
        }
    }

    private int viewers(Running r) {
        Stream stream = paths.streamAt(r.canonicalPath());
        return stream == null ? 0 : stream.readerCount();
    }

    /**
     * A viewer asks for a path without a stream: if a broadcaster is defined for it, starts it (an on-demand
     * one) and waits, on the request's thread, at most its start timeout for it to publish.
     *
     * @return the stream it published, or null when no broadcaster is defined for the path
     * @throws StreamUnavailableException when it did not publish in time or an operator stopped it
     */
    @Override
    public Stream start(CanonicalPath canonical) throws StreamUnavailableException {
        String path = canonical.path();
        Running r = byPath.get(path);
        if (r == null) {
            return null;
        }
        LocalBroadcaster b = r.broadcaster();
        BroadcasterDefinition d = b.definition();
        long deadline = nanoClock.getAsLong() + TimeUnit.SECONDS.toNanos(d.startTimeoutSeconds());
        if (d.mode() == StartMode.ON_DEMAND) {
            b.want(false, nanoClock.getAsLong());
        } else if (!b.wanted()) {
            throw new StreamUnavailableException("the local broadcaster " + d.name() + " of " + d.path()
                    + " was stopped by an operator");
        }
        if (!waiting.tryAcquire()) {
            throw new StreamUnavailableException("the local broadcaster " + d.name() + " is starting; no more viewers"
                    + " may wait for local broadcasters now (at most " + maxWaiting + " at once), try again in a moment");
        }
        try {
            Stream stream;
            while ((stream = paths.streamAt(path)) == null) {
                if (!b.wanted()) {
                    throw new StreamUnavailableException("the local broadcaster " + d.name() + " of " + d.path()
                            + " was stopped while starting");
                }
                if (nanoClock.getAsLong() - deadline >= 0) {
                    throw new StreamUnavailableException("the local broadcaster " + d.name() + " did not publish "
                            + d.path() + " within " + d.startTimeoutSeconds() + " s (" + b.state(false).word
                            + (b.lastExitCode() == null ? "" : ", last exit code " + b.lastExitCode()) + ")");
                }
                Thread.sleep(POLL_MILLIS);
            }
            return stream;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamUnavailableException("interrupted while waiting for the local broadcaster " + d.name());
        } finally {
            waiting.release();
        }
    }

    /** Viewers waiting for a broadcaster to publish now. */
    public int waitingViewers() {
        return maxWaiting - waiting.availablePermits();
    }

    /** Every broadcaster with its state now, in the file's order. */
    public List<LocalBroadcasterInfo> infos() {
        List<LocalBroadcasterInfo> out = new ArrayList<>();
        for (Running r : byName.values()) {
            out.add(info(r));
        }
        return out;
    }

    /** An operator's start: it runs until stopped, viewers or not. Null when there is no such broadcaster. */
    public LocalBroadcasterInfo start(String name) {
        Running r = byName.get(name);
        if (r == null) {
            return null;
        }
        LOG.info("broadcaster " + name + " started by an operator");
        r.broadcaster().want(true, nanoClock.getAsLong());
        return info(r);
    }

    /** An operator's stop (an on-demand one starts again at its next viewer). Null when there is no such one. */
    public LocalBroadcasterInfo stop(String name) {
        Running r = byName.get(name);
        if (r == null) {
            return null;
        }
        LOG.info("broadcaster " + name + " stopped by an operator");
        r.broadcaster().unwant(nanoClock.getAsLong());
        return info(r);
    }

    private LocalBroadcasterInfo info(Running r) {
        LocalBroadcaster b = r.broadcaster();
        BroadcasterDefinition d = b.definition();
        boolean published = paths.streamAt(r.canonicalPath()) != null;
        return new LocalBroadcasterInfo(d.name(), r.canonicalPath(), d.mode().word(), d.shownCommand(),
                b.state(published).word, b.pid(), b.restarts(), b.lastExitCode(), b.lastExitAt(), viewers(r),
                d.lingerSeconds(), d.startTimeoutSeconds());
    }

    /** Ends every process for the adapter's stop: SIGTERM to all, then SIGKILL to those past the grace period. */
    public void close() {
        long now = nanoClock.getAsLong();
        byName.values().forEach(r -> r.broadcaster().unwant(now));
        try {
            for (Running r : byName.values()) {
                r.broadcaster().close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
