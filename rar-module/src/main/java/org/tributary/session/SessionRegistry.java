package org.tributary.session;

import org.tributary.source.MediaSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Every live session by id; creates ids, ends silent sessions, and tells a listener when one ends. */
public final class SessionRegistry {

    private final SessionIds ids = new SessionIds();
    private final Map<String, RtspSession> sessions = new ConcurrentHashMap<>();
    private volatile int timeoutSeconds;
    private volatile int maxSessions;
    /** Sessions one client address may hold at once (0 = no limit). */
    private volatile int maxPerAddress;
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    private volatile Consumer<RtspSession> endListener = s -> { };
    private final LongSupplier nanoClock;
    private final Clock wallClock;

    public SessionRegistry(int timeoutSeconds, int maxSessions) {
        this(timeoutSeconds, maxSessions, System::nanoTime, Clock.systemUTC());
    }

    /**
     * @param nanoClock monotonic time for timeouts, pacing and rates (System::nanoTime, or a test clock)
     * @param wallClock the date sessions are created at (for the access log and sender reports)
     */
    public SessionRegistry(int timeoutSeconds, int maxSessions, LongSupplier nanoClock, Clock wallClock) {
        this.timeoutSeconds = timeoutSeconds;
        this.maxSessions = maxSessions;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
    }

    long nanoTime() {
        return nanoClock.getAsLong();
    }

    Clock wallClock() {
        return wallClock;
    }

    public void onSessionEnded(Consumer<RtspSession> listener) {
        this.endListener = listener;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** The timeout of sessions created from now on; live ones keep the one their client was told. */
    public void timeoutSeconds(int seconds) {
        this.timeoutSeconds = seconds;
    }

    public int maxSessions() {
        return maxSessions;
    }

    /** The session limit from now on; sessions above a lowered limit are not ended. */
    public void maxSessions(int max) {
        this.maxSessions = max;
    }

    public int maxPerAddress() {
        return maxPerAddress;
    }

    /** The limit per client address from now on (0 = none); sessions above a lowered limit are not ended. */
    public void maxPerAddress(int max) {
        this.maxPerAddress = max;
    }

    /** Sessions the client address holds now. */
    public int countFor(InetAddress address) {
        return perAddress.getOrDefault(address, 0);
    }

    /** Once a second: every session's recent outgoing rate. */
    public void sampleRates() {
        long now = nanoClock.getAsLong();
        for (RtspSession session : sessions.values()) {
            session.sampleRate(now);
        }
    }

    /**
     * A new session owned by the control connection that set it up.
     *
     * @param connection the control connection (for a tunnel, its GET connection)
     * @param userName   the user the client authenticated as, or null
     * @throws SessionLimitException when the server-wide or the per-address limit is reached
     */
    public RtspSession create(String presentationPath, MediaSource source, InetSocketAddress client, String userAgent,
                              String userName, Object connection) throws SessionLimitException {
        if (sessions.size() >= maxSessions) {
            throw new SessionLimitException("the session limit (" + maxSessions + ") is reached", false);
        }
        InetAddress address = client.getAddress();
        if (!reserveFor(address)) {
            throw new SessionLimitException("the session limit per address (" + maxPerAddress + ") is reached for "
                    + address.getHostAddress(), true);
        }
        while (true) {
            String id = ids.next();
            RtspSession session = new RtspSession(id, presentationPath, source, client, userAgent, userName,
                    timeoutSeconds, this, connection);
            if (sessions.putIfAbsent(id, session) == null) {
                return session;
            }
        }
    }

    /** Counts one more session for the address, unless it already holds its maximum. */
    private boolean reserveFor(InetAddress address) {
        int max = maxPerAddress;
        boolean[] reserved = new boolean[1];
        perAddress.compute(address, (a, count) -> {
            int now = count == null ? 0 : count;
            if (max > 0 && now >= max) {
                return count;
            }
            reserved[0] = true;
            return now + 1;
        });
        return reserved[0];
    }

    private void release(InetAddress address) {
        perAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }

    public RtspSession get(String id) {
        return id == null ? null : sessions.get(id);
    }

    public int size() {
        return sessions.size();
    }

    public List<RtspSession> all() {
        return new ArrayList<>(sessions.values());
    }

    void removed(RtspSession session) {
        if (sessions.remove(session.id(), session)) {
            release(session.client().getAddress());
            endListener.accept(session);
        }
    }

    /** Ends sessions that sent neither a request nor a receiver report within their timeout. */
    public void reapExpired() {
        long now = nanoClock.getAsLong();
        for (RtspSession session : sessions.values()) {
            if (session.expired(now)) {
                session.close("timeout");
            }
        }
    }

    /** Ends the sessions bound to an owner that went away (an interleaved connection). */
    public void closeBoundTo(Object owner, String reason) {
        for (RtspSession session : sessions.values()) {
            if (session.isBoundTo(owner)) {
                session.close(reason);
            }
        }
    }

    /** The live sessions bound to an owner (an interleaved connection). */
    public List<RtspSession> boundTo(Object owner) {
        List<RtspSession> bound = new ArrayList<>();
        for (RtspSession session : sessions.values()) {
            if (session.isBoundTo(owner)) {
                bound.add(session);
            }
        }
        return bound;
    }

    /** Whether a live session is carried by {@code owner} or was set up from the client address {@code client}. */
    public boolean anyBoundToOrFrom(Object owner, InetSocketAddress client) {
        for (RtspSession session : sessions.values()) {
            if (session.isBoundTo(owner) || client.equals(session.client())) {
                return true;
            }
        }
        return false;
    }

    public void closeAll(String reason) {
        for (RtspSession session : sessions.values()) {
            session.close(reason);
        }
    }
}
