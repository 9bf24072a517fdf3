package org.tributary.hls;

import org.tributary.api.SessionInfo;
import org.tributary.api.event.AccessRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * HLS viewing sessions, for the access log: HTTP has no session, so the requests answered for one path to one
 * viewer (the same token, else the same client address and user) are one viewing, ended after
 * {@code idleSeconds} without a request. Each ended viewing becomes one access record (protocol HLS, the bytes
 * sent, the time from its first to its last request). At most {@code maxViewings} are followed at once; the
 * requests of viewers past that are served but not logged.
 */
public final class HlsViewings {

    private record Key(String viewer, String path) {
    }

    private static final class Viewing {
        final String id = UUID.randomUUID().toString();
        final Instant startedAt;
        final String clientAddress;
        final String userAgent;
        final String user;
        final double fileSeconds;
        long bytes;
        long requests;
        long lastNanos;
        Instant lastAt;

        Viewing(Instant startedAt, String clientAddress, String userAgent, String user, double fileSeconds) {
            this.startedAt = startedAt;
            this.clientAddress = clientAddress;
            this.userAgent = userAgent;
            this.user = user;
            this.fileSeconds = fileSeconds;
        }
    }

    private final Map<Key, Viewing> viewings = new ConcurrentHashMap<>();
    private final Consumer<AccessRecord> records;
    private final Clock clock;
    private final LongSupplier nanos;
    private final long idleNanos;
    private final int maxViewings;
    private final String serverHost;
    private volatile java.util.function.IntSupplier maxPerAddress = () -> 0;

    public HlsViewings(Consumer<AccessRecord> records, Clock clock, LongSupplier nanos, int idleSeconds, int maxViewings,
                String serverHost) {
        this.records = records;
        this.clock = clock;
        this.nanos = nanos;
        this.idleNanos = idleSeconds * 1_000_000_000L;
        this.maxViewings = maxViewings;
        this.serverHost = serverHost;
    }

    /**
     * One answered request: {@code bytes} sent for {@code path} to the viewer named by {@code token}, or by its
     * address and user.
     */
    void served(String path, String token, String clientAddress, String userAgent, String user, long bytes,
                double fileSeconds) {
        Key key = key(path, token, clientAddress, user);
        Viewing v = viewings.get(key);
        if (v == null) {
            if (viewings.size() >= maxViewings) {
                return;
            }
            v = viewings.computeIfAbsent(key, k -> new Viewing(clock.instant(), clientAddress, userAgent, user,
                    fileSeconds));
        }
        synchronized (v) {
            v.bytes += bytes;
            v.requests++;
            v.lastNanos = nanos.getAsLong();
            v.lastAt = clock.instant();
        }
    }

    /** Ends the viewings idle for longer than the limit (a housekeeping chore). */
    public void tick(long nowNanos) {
        List<Map.Entry<Key, Viewing>> ended = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Viewing>> it = viewings.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Viewing> e = it.next();
            boolean idle;
            synchronized (e.getValue()) {
                idle = nowNanos - e.getValue().lastNanos > idleNanos;
            }
            if (idle && viewings.remove(e.getKey(), e.getValue())) {
                ended.add(e);
            }
        }
        for (Map.Entry<Key, Viewing> e : ended) {
            records.accept(record(e.getKey().path(), e.getValue()));
        }
    }

    private static Key key(String path, String token, String clientAddress, String user) {
        return new Key(token != null ? "token " + token : clientAddress + " " + (user == null ? "" : user), path);
    }

    /** The most viewings one client address may have open at once (0: no limit), read at each new viewing. */
    public void limitPerAddress(java.util.function.IntSupplier max) {
        this.maxPerAddress = max;
    }

    /**
     * Why a request may not be served, or null when it may: it continues an open viewing, or it starts one
     * within its address's limit ({@link #limitPerAddress}), as RTSP sessions are limited per address.
     */
    String refusal(String path, String token, String clientAddress, String user) {
        if (viewings.containsKey(key(path, token, clientAddress, user))) {
            return null;
        }
        int max = maxPerAddress.getAsInt();
        if (max <= 0) {
            return null;
        }
        long open = viewings.values().stream().filter(v -> v.clientAddress.equals(clientAddress)).count();
        return open < max ? null : clientAddress + " already has " + open + " HLS viewings open, the most one address"
                + " may (maxSessionsPerAddress); one ends 30 s after its last request";
    }

    /** Viewings open now (a client that asked for a segment within the idle time). */
    public int size() {
        return viewings.size();
    }

    /** The transport HLS viewings show in the session list (the access log's protocol is HLS too). */
    public static final String TRANSPORT = "HLS";

    /**
     * The open viewings as sessions for the console and the API: transport "HLS", the bytes served and the
     * average rate since the viewing began; no packets or RTCP figures. An HLS viewing cannot be disconnected
     * (each request stands alone); it ends after the idle time.
     */
    public List<SessionInfo> sessionInfos() {
        List<SessionInfo> out = new ArrayList<>();
        for (Map.Entry<Key, Viewing> e : viewings.entrySet()) {
            Viewing v = e.getValue();
            synchronized (v) {
                double seconds = (v.lastAt.toEpochMilli() - v.startedAt.toEpochMilli()) / 1000.0;
                long rate = seconds > 0 ? Math.round(v.bytes * 8 / seconds) : 0;
                out.add(new SessionInfo(TRANSPORT + "-" + v.id, v.clientAddress, e.getKey().path(), TRANSPORT,
                        "PLAYING", v.userAgent, v.startedAt, v.bytes, 0, 0, 0, 0, v.user, rate, 0, 0, 0, 0, 0));
            }
        }
        return out;
    }

    private AccessRecord record(String path, Viewing v) {
        synchronized (v) {
            long averageBitrate = -1;
            double seconds = (v.lastAt.toEpochMilli() - v.startedAt.toEpochMilli()) / 1000.0;
            if (seconds > 0) {
                averageBitrate = Math.round(v.bytes * 8 / seconds);
            }
            return new AccessRecord(v.id, AccessRecord.Kind.SESSION, null, v.clientAddress, null, v.startedAt,
                    v.lastAt, 0, "/" + path, null, 200, "inactive", v.userAgent, v.fileSeconds, -1, averageBitrate,
                    "TCP", null, null, v.bytes, 0, v.requests, -1, null, serverHost, viewings.size(), -1, v.user,
                    null, AccessRecord.HLS);
        }
    }
}
