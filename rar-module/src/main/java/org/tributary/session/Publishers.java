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

/**
 * Every live publisher session by id: starts broadcasts within the configured limit, ends the ones whose
 * client fell silent, and tells a listener (the access log, the history) when one ends.
 */
public final class Publishers {

    private final Map<String, PublisherSession> sessions = new ConcurrentHashMap<>();
    private final PathRegistry paths;
    private final SessionIds ids;
    private final LongSupplier nanoClock;
    private final Clock wallClock;
    private volatile int maxPublishers;
    private volatile int silenceTimeoutSeconds;
    private volatile StreamLimits limits = StreamLimits.DEFAULT;
    private final List<Consumer<PublisherSession>> endListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

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
        Stream stream = new Stream(requestPath, announced.tracks(), limits, nanoClock);
        String path;
        try {
            path = paths.register(requestPath, stream);
        } catch (IllegalStateException e) {
            throw new PublishRefusedException(e.getMessage(), true);
        }
        while (true) {
            String id = ids.next();
            if (sessions.containsKey(id)) {
                continue;
            }
            PublisherSession session = new PublisherSession(id, path, origin, stream, announced, paths, nanoClock,
                    wallClock.instant(), this);
            sessions.put(id, session);
            return session;
        }
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

    void removed(PublisherSession session) {
        if (sessions.remove(session.id(), session)) {
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
                session.close("no media from the publisher for " + timeout + " s");
            }
        }
    }

    /** Ends the broadcasts owned by a connection that went away. */
    public void closeBoundTo(Object owner, String reason) {
        for (PublisherSession session : sessions.values()) {
            if (session.isBoundTo(owner)) {
                session.close(reason);
            }
        }
    }

    public void closeAll(String reason) {
        for (PublisherSession session : sessions.values()) {
            session.close(reason);
        }
    }
}
