package org.tributary.ejb.logs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.tributary.api.event.AccessRecord;

import java.time.Instant;

/** One finished session or refused request in the database: who, what, when, how long, how much, how well. */
@Entity
@Table(name = "session_history", indexes = {
        @Index(name = "session_history_ended", columnList = "endedAt"),
        @Index(name = "session_history_path", columnList = "path"),
        @Index(name = "session_history_client", columnList = "clientAddress"),
        @Index(name = "session_history_user", columnList = "username")})
public class SessionHistory {

    @Id
    @Column(length = 36)
    private String eventId;
    @Column(length = 8, nullable = false)
    private String kind;
    @Column(length = 32)
    private String sessionId;
    @Column(length = 64, nullable = false)
    private String clientAddress;
    @Column(nullable = false)
    private Instant startedAt;
    @Column(nullable = false)
    private Instant endedAt;
    private long durationSeconds;
    @Column(length = 1024, nullable = false)
    private String path;
    @Column(length = 1024)
    private String query;
    private int status;
    @Column(length = 255)
    private String endReason;
    @Column(length = 512)
    private String userAgent;
    @Column(length = 8)
    private String transport;
    @Column(length = 32)
    private String audioCodec;
    @Column(length = 32)
    private String videoCodec;
    private long bytesSent;
    private long packetsSent;
    /** Null when the client sent no receiver report. */
    private Long packetsLost;
    private long rtcpBytesReceived;
    @Column(length = 64)
    private String serverAddress;
    @Column(length = 255)
    private String username;
    @Column(length = 255)
    private String realm;
    /** The cluster node that served it (jboss.node.name); null on a single server and in older rows. */
    @Column(length = 255)
    private String node;
    /** Refused requests this row stands for: more than 1 when a flood was folded into it; null in older rows = 1. */
    private Integer requestCount;

    protected SessionHistory() {
    }

    public static SessionHistory of(AccessRecord r) {
        return of(r, null);
    }

    /** The row of a record served by the cluster node {@code node} (null: a single server). */
    public static SessionHistory of(AccessRecord r, String node) {
        SessionHistory h = new SessionHistory();
        h.node = node;
        h.eventId = r.eventId();
        h.kind = r.kind().name();
        h.sessionId = r.sessionId();
        h.clientAddress = r.clientAddress();
        h.startedAt = r.startedAt();
        h.endedAt = r.endedAt();
        h.durationSeconds = r.sessionSeconds();
        h.path = cut(r.uriStem() == null ? "/" : r.uriStem(), 1024);
        h.query = cut(r.uriQuery(), 1024);
        h.status = r.status();
        h.endReason = cut(r.endReason(), 255);
        h.userAgent = cut(r.userAgent(), 512);
        h.transport = cut(r.transport(), 8);
        h.audioCodec = cut(r.audioCodec(), 32);
        h.videoCodec = cut(r.videoCodec(), 32);
        h.bytesSent = r.bytesSent();
        h.packetsSent = r.packetsSent();
        h.packetsLost = r.packetsLost() < 0 ? null : r.packetsLost();
        h.rtcpBytesReceived = r.rtcpBytesReceived();
        h.serverAddress = r.serverAddress();
        h.username = cut(r.username(), 255);
        h.realm = cut(r.realm(), 255);
        h.requestCount = r.count();
        return h;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public String getEventId() { return eventId; }
    public String getKind() { return kind; }
    public String getSessionId() { return sessionId; }
    public String getClientAddress() { return clientAddress; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public long getDurationSeconds() { return durationSeconds; }
    public String getPath() { return path; }
    public String getQuery() { return query; }
    public int getStatus() { return status; }
    public String getEndReason() { return endReason; }
    public String getUserAgent() { return userAgent; }
    public String getTransport() { return transport; }
    public String getAudioCodec() { return audioCodec; }
    public String getVideoCodec() { return videoCodec; }
    public long getBytesSent() { return bytesSent; }
    public long getPacketsSent() { return packetsSent; }
    public Long getPacketsLost() { return packetsLost; }
    public long getRtcpBytesReceived() { return rtcpBytesReceived; }
    public String getServerAddress() { return serverAddress; }
    public String getUsername() { return username; }
    public String getRealm() { return realm; }
    public int getCount() { return requestCount == null ? 1 : requestCount; }
    public String getNode() { return node; }
}
