package org.tributary.session;

import org.tributary.source.MediaSource;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Every live session by id; creates ids, ends silent sessions, and tells a listener when one ends. */
public final class SessionRegistry {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, RtspSession> sessions = new ConcurrentHashMap<>();
    private volatile int timeoutSeconds;
    private volatile int maxSessions;
    private volatile Consumer<RtspSession> endListener = s -> { };

    public SessionRegistry(int timeoutSeconds, int maxSessions) {
        this.timeoutSeconds = timeoutSeconds;
        this.maxSessions = maxSessions;
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

    /** Once a second: every session's recent outgoing rate. */
    public void sampleRates() {
        long now = System.nanoTime();
        for (RtspSession session : sessions.values()) {
            session.sampleRate(now);
        }
    }

    /**
     * A new session, or null when the configured maximum is reached.
     *
     * @param userName the user the client authenticated as, or null
     */
    public RtspSession create(String presentationPath, MediaSource source, InetSocketAddress client, String userAgent,
                              String userName) {
        if (sessions.size() >= maxSessions) {
            return null;
        }
        while (true) {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            String id = HexFormat.of().withUpperCase().formatHex(bytes);
            RtspSession session = new RtspSession(id, presentationPath, source, client, userAgent, userName,
                    timeoutSeconds, this);
            if (sessions.putIfAbsent(id, session) == null) {
                return session;
            }
        }
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
            endListener.accept(session);
        }
    }

    /** Ends sessions that sent neither a request nor a receiver report within their timeout. */
    public void reapExpired() {
        long now = System.nanoTime();
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
