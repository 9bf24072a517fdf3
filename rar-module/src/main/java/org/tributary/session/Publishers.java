package org.tributary.session;

import org.tributary.catalog.MediaCatalog.MalformedPathException;
import org.tributary.catalog.MediaCatalog.MediaForbiddenException;
import org.tributary.stream.AnnouncedPresentation;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Every live publisher session by id: starts broadcasts within the configured limit, ends the ones whose
 * client fell silent, and tells a listener (the access log, the history) when one ends.
 */
public final class Publishers {

    private static final Logger LOG = Logger.getLogger(Publishers.class.getName());

    private final Map<String, PublisherSession> sessions = new ConcurrentHashMap<>();
    private final PathRegistry paths;
    private final SessionIds ids;
    private final LongSupplier nanoClock;
    private final Clock wallClock;
    private volatile int maxPublishers;
    private volatile int silenceTimeoutSeconds;
    private volatile StreamLimits limits = StreamLimits.DEFAULT;
    private volatile int graceSeconds;
    /** Streams whose publisher was lost, kept for the grace period, by path. */
    private final Map<String, Orphan> orphans = new ConcurrentHashMap<>();

    /** A stream waiting for its publisher to come back. */
    private record Orphan(Stream stream, AnnouncedPresentation announced, long sinceNanos) {
    }
    private final List<Consumer<PublisherSession>> endListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile TrafficMeter meter = TrafficMeter.NONE;

    public Publishers(PathRegistry paths, int maxPublishers, int silenceTimeoutSeconds, LongSupplier nanoClock,
                      Clock wallClock) {
        this.paths = paths;
        this.maxPublishers = maxPublishers;
        this.silenceTimeoutSeconds = silenceTimeoutSeconds;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.ids = new SessionIds();
    }

    /** A publisher limit reached, or a path already published: the broadcast cannot start. */
    public static final class PublishRefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean pathBusy;

        PublishRefusedException(String message, boolean pathBusy) {
            super(message);
            this.pathBusy = pathBusy;
        }

        /** True when another broadcast holds the path; false when the publisher limit is reached. */
        public boolean pathBusy() {
            return pathBusy;
        }
    }

    /**
     * Starts a broadcast: a new stream served at the path, fed by the new session.
     *
     * @throws PublishRefusedException when the limit is reached or a stream is already served at the path
     */
    public PublisherSession publish(String requestPath, AnnouncedPresentation announced, PublisherOrigin origin)
            throws PublishRefusedException, MalformedPathException, MediaForbiddenException {
        if (sessions.size() >= maxPublishers) {
            throw new PublishRefusedException("the publisher limit (" + maxPublishers + ") is reached", false);
        }
        Stream stream = resumed(paths.canonical(requestPath).path(), announced);
        String path;
        if (stream != null) {
            path = paths.canonical(requestPath).path();
        } else {
            stream = new Stream(requestPath, announced.tracks(), limits, nanoClock);
            try {
                path = paths.register(requestPath, stream);
            } catch (IllegalStateException e) {
                throw new PublishRefusedException(e.getMessage(), true);
            }
        }
        while (true) {
            String id = ids.next();
            if (sessions.containsKey(id)) {
                continue;
            }
            PublisherSession session = new PublisherSession(id, path, origin, stream, announced, nanoClock,
                    wallClock.instant(), this);
            sessions.put(id, session);
            return session;
        }
    }

    /** Where the broadcasters' incoming packets are counted (the adapter's meter; none by default). */
    public void countInto(TrafficMeter meter) {
        this.meter = meter;
    }

    TrafficMeter meter() {
        return meter;
    }

    public PublisherSession get(String id) {
        return id == null ? null : sessions.get(id);
    }

    public List<PublisherSession> all() {
        return new ArrayList<>(sessions.values());
    }

    public int size() {
        return sessions.size();
    }

    Clock wallClock() {
        return wallClock;
    }

    /**
     * The stream a lost publisher left at the path, taken over by the new one when it announces the same
     * tracks (codec, clock rate, payload type, fmtp): its viewers go on. Another presentation ends it.
     */
    private Stream resumed(String path, AnnouncedPresentation announced) {
        Orphan orphan = orphans.remove(path);
        if (orphan == null) {
            return null;
        }
        if (!sameTracks(orphan.announced(), announced)) {
            paths.unregister(path, orphan.stream());
            LOG.info("the broadcast at " + path + " comes back with other tracks: its viewers were ended");
            return null;
        }
        orphan.stream().continueWithNewWriter();
        LOG.info("the broadcast at " + path + " resumes with a new publisher; its " + orphan.stream().readerCount()
                + " viewers go on");
        return orphan.stream();
    }

    private static boolean sameTracks(AnnouncedPresentation before, AnnouncedPresentation now) {
        if (before.tracks().size() != now.tracks().size()) {
            return false;
        }
        for (int i = 0; i < now.tracks().size(); i++) {
            var a = before.tracks().get(i);
            var b = now.tracks().get(i);
            if (!a.codec().equalsIgnoreCase(b.codec()) || a.clockRate() != b.clockRate()
                    || a.payloadType() != b.payloadType() || !fmtp(a).equals(fmtp(b))) {
                return false;
            }
        }
        return true;
    }

    private static String fmtp(org.tributary.source.SourceTrack track) {
        return track.sdpAttributes().stream().filter(a -> a.startsWith("fmtp:")).findFirst().orElse("");
    }

    /**
     * A broadcast ended: its stream ends now, or (a lost publisher, a grace period set) waits for it to come
     * back; the listeners are told.
     */
    void ended(PublisherSession session, boolean mayResume) {
        if (sessions.remove(session.id(), session)) {
            if (mayResume && graceSeconds > 0) {
                orphans.put(session.presentationPath(), new Orphan(session.stream(), session.announced(),
                        nanoClock.getAsLong()));
            } else {
                paths.unregister(session.presentationPath(), session.stream());
            }
            for (Consumer<PublisherSession> listener : endListeners) {
                listener.accept(session);
            }
        }
    }

    /** Adds a listener told of every broadcast that ends. */
    public void onPublisherEnded(Consumer<PublisherSession> listener) {
        endListeners.add(listener);
    }

    public int maxPublishers() {
        return maxPublishers;
    }

    /** The limit from now on; broadcasts above a lowered limit go on. */
    public void maxPublishers(int max) {
        this.maxPublishers = max;
    }

    /** How long the stream of a lost publisher waits for it to come back (0: its viewers are ended at once). */
    public void graceSeconds(int seconds) {
        this.graceSeconds = seconds;
    }

    public int silenceTimeoutSeconds() {
        return silenceTimeoutSeconds;
    }

    public void silenceTimeoutSeconds(int seconds) {
        this.silenceTimeoutSeconds = seconds;
    }

    /** What streams started from now on keep in memory. */
    public void streamLimits(StreamLimits limits) {
        this.limits = limits;
    }

    /** Once a second: ends the broadcasts whose client sent nothing for the silence timeout; samples rates. */
    public void tick() {
        long now = nanoClock.getAsLong();
        int timeout = silenceTimeoutSeconds;
        for (PublisherSession session : sessions.values()) {
            session.sampleRate(now);
            if (session.silentFor(now, timeout)) {
                session.lost("no media from the publisher for " + timeout + " s");
            }
        }
        long grace = graceSeconds * 1_000_000_000L;
        for (Map.Entry<String, Orphan> entry : orphans.entrySet()) {
            if (now - entry.getValue().sinceNanos() >= grace && orphans.remove(entry.getKey(), entry.getValue())) {
                paths.unregister(entry.getKey(), entry.getValue().stream());
                LOG.info("the publisher of " + entry.getKey() + " did not come back within " + graceSeconds
                        + " s: its viewers were ended");
            }
        }
    }

    /** Streams waiting for their lost publisher now. */
    public int waiting() {
        return orphans.size();
    }

    /** Ends the broadcasts owned by a connection that went away. */
    public void closeBoundTo(Object owner, String reason) {
        for (PublisherSession session : sessions.values()) {
            if (session.isBoundTo(owner)) {
                session.lost(reason);
            }
        }
    }

    public void closeAll(String reason) {
        for (PublisherSession session : sessions.values()) {
            session.close(reason);
        }
        for (String path : List.copyOf(orphans.keySet())) {
            Orphan orphan = orphans.remove(path);
            if (orphan != null) {
                paths.unregister(path, orphan.stream());
            }
        }
    }
}
