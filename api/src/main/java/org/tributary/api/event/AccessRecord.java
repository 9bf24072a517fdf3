package org.tributary.api.event;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything the adapter knows about one finished session or one refused request: the values of a
 * line of Darwin Streaming Server's access log (the W3C fields are named below), plus the record's id.
 * Numbers the adapter does not know are negative, texts it does not know are null.
 *
 * @param eventId          unique id of this record (makes storing it idempotent)
 * @param kind             a finished session, or a refused request
 * @param sessionId        the RTSP session id, or null for a request outside any session
 * @param clientAddress    c-ip
 * @param requestHost      c-dns: the host name the client put in its rtsp:// URL
 * @param startedAt        when the session was created (for a refusal: when the request came)
 * @param endedAt          when the session ended (date, time; for a refusal: when it was answered)
 * @param secondsToPlay    c-starttime: seconds from session creation to its first PLAY, -1 if it never played
 * @param uriStem          cs-uri-stem: the path requested, with a leading slash
 * @param uriQuery         cs-uri-query, or null
 * @param status           c-status: the RTSP status the session (or request) ended with
 * @param endReason        why the session ended ("teardown", "timeout", ...) or why the request was refused
 * @param userAgent        cs(User-Agent), or null
 * @param durationSeconds  filelength: length of the presentation, -1 when live or unknown
 * @param mediaBytes       filesize: estimated payload bytes of the tracks set up, -1 when unknown
 * @param averageBitrate   avgbandwidth: the set-up tracks' average bit rate in bit/s, -1 when unknown
 * @param transport        "UDP", "TCP" (interleaved) or "HTTP" (tunnel); null when nothing was set up
 * @param audioCodec       audiocodec (RTP payload name), or null
 * @param videoCodec       videocodec (RTP payload name), or null
 * @param bytesSent        sc-bytes: RTP payload bytes sent
 * @param rtcpBytesReceived cs-bytes: RTCP bytes the client sent
 * @param packetsSent      s-pkts-sent: RTP packets sent
 * @param packetsLost      c-pkts-lost-client: packets the client reported lost, -1 without any report
 * @param serverAddress    s-ip
 * @param serverHost       s-dns
 * @param totalClients     s-totalclients: sessions open when the record was made
 * @param cpuPercent       s-cpu-util: process CPU use in percent, -1 when unknown
 * @param username         c-username, or null (no authentication)
 * @param realm            sc(Realm), or null
 * @param protocol         protocol: "RTP" for RTSP sessions (Darwin's only value), "HTTP" for MP3 over HTTP,
 *                         "HLS" for an HLS viewing
 * @param count            how many refused requests the record stands for: 1, more when a flood of like
 *                         refusals was folded into one record
 * @param delivery         x-rtx-requested, x-rtx-sent, x-rtx-too-late, x-thinned-frames
 */
public record AccessRecord(String eventId,
                           Kind kind,
                           String sessionId,
                           String clientAddress,
                           String requestHost,
                           Instant startedAt,
                           Instant endedAt,
                           double secondsToPlay,
                           String uriStem,
                           String uriQuery,
                           int status,
                           String endReason,
                           String userAgent,
                           double durationSeconds,
                           long mediaBytes,
                           long averageBitrate,
                           String transport,
                           String audioCodec,
                           String videoCodec,
                           long bytesSent,
                           long rtcpBytesReceived,
                           long packetsSent,
                           long packetsLost,
                           String serverAddress,
                           String serverHost,
                           int totalClients,
                           int cpuPercent,
                           String username,
                           String realm,
                           String protocol,
                           int count,
                           DeliveryCounts delivery) implements Serializable {

    /** Streams over RTP, the protocol of every RTSP session. */
    public static final String RTP = "RTP";
    /** MP3 streamed in an HTTP response body. */
    public static final String HTTP = "HTTP";
    /** An HLS viewing: the playlist and segment requests of one viewer for one path. */
    public static final String HLS = "HLS";

    /** Whether the record is about a whole session or about one refused request. */
    public enum Kind {
        SESSION, REFUSAL,
        /** A publisher's session (ANNOUNCE/RECORD): its media came in, counted in rtcpBytesReceived (cs-bytes). */
        PUBLISH
        // Names are stored in an 8-character history column.
    }

    public AccessRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        protocol = protocol == null ? RTP : protocol;
        count = Math.max(1, count); // records spooled before the count existed read it as 0
        delivery = delivery == null ? DeliveryCounts.NONE : delivery; // likewise for records spooled before it
    }

    /** A record with nothing retransmitted or thinned. */
    public AccessRecord(String eventId, Kind kind, String sessionId, String clientAddress, String requestHost,
                        Instant startedAt, Instant endedAt, double secondsToPlay, String uriStem, String uriQuery,
                        int status, String endReason, String userAgent, double durationSeconds, long mediaBytes,
                        long averageBitrate, String transport, String audioCodec, String videoCodec, long bytesSent,
                        long rtcpBytesReceived, long packetsSent, long packetsLost, String serverAddress,
                        String serverHost, int totalClients, int cpuPercent, String username, String realm,
                        String protocol, int count) {
        this(eventId, kind, sessionId, clientAddress, requestHost, startedAt, endedAt, secondsToPlay, uriStem, uriQuery,
                status, endReason, userAgent, durationSeconds, mediaBytes, averageBitrate, transport, audioCodec,
                videoCodec, bytesSent, rtcpBytesReceived, packetsSent, packetsLost, serverAddress, serverHost,
                totalClients, cpuPercent, username, realm, protocol, count, DeliveryCounts.NONE);
    }

    /** A record that stands for one session or one refused request. */
    public AccessRecord(String eventId, Kind kind, String sessionId, String clientAddress, String requestHost,
                        Instant startedAt, Instant endedAt, double secondsToPlay, String uriStem, String uriQuery,
                        int status, String endReason, String userAgent, double durationSeconds, long mediaBytes,
                        long averageBitrate, String transport, String audioCodec, String videoCodec, long bytesSent,
                        long rtcpBytesReceived, long packetsSent, long packetsLost, String serverAddress,
                        String serverHost, int totalClients, int cpuPercent, String username, String realm,
                        String protocol) {
        this(eventId, kind, sessionId, clientAddress, requestHost, startedAt, endedAt, secondsToPlay, uriStem, uriQuery,
                status, endReason, userAgent, durationSeconds, mediaBytes, averageBitrate, transport, audioCodec,
                videoCodec, bytesSent, rtcpBytesReceived, packetsSent, packetsLost, serverAddress, serverHost,
                totalClients, cpuPercent, username, realm, protocol, 1);
    }

    /** A record of an RTSP session or request (protocol RTP). */
    public AccessRecord(String eventId, Kind kind, String sessionId, String clientAddress, String requestHost,
                        Instant startedAt, Instant endedAt, double secondsToPlay, String uriStem, String uriQuery,
                        int status, String endReason, String userAgent, double durationSeconds, long mediaBytes,
                        long averageBitrate, String transport, String audioCodec, String videoCodec, long bytesSent,
                        long rtcpBytesReceived, long packetsSent, long packetsLost, String serverAddress,
                        String serverHost, int totalClients, int cpuPercent, String username, String realm) {
        this(eventId, kind, sessionId, clientAddress, requestHost, startedAt, endedAt, secondsToPlay, uriStem, uriQuery,
                status, endReason, userAgent, durationSeconds, mediaBytes, averageBitrate, transport, audioCodec,
                videoCodec, bytesSent, rtcpBytesReceived, packetsSent, packetsLost, serverAddress, serverHost,
                totalClients, cpuPercent, username, realm, RTP);
    }

    /** x-duration: whole seconds the session lasted. */
    public long sessionSeconds() {
        return Math.max(0, java.time.Duration.between(startedAt, endedAt).getSeconds());
    }

    /** The same record as written by another user (the authentication work fills these). */
    public AccessRecord withUser(String user, String userRealm) {
        return new AccessRecord(eventId, kind, sessionId, clientAddress, requestHost, startedAt, endedAt,
                secondsToPlay, uriStem, uriQuery, status, endReason, userAgent, durationSeconds, mediaBytes,
                averageBitrate, transport, audioCodec, videoCodec, bytesSent, rtcpBytesReceived, packetsSent,
                packetsLost, serverAddress, serverHost, totalClients, cpuPercent, user, userRealm, protocol, count,
                delivery);
    }

    /** The same record with the session's retransmission and thinning counts. */
    public AccessRecord withDelivery(DeliveryCounts counts) {
        return new AccessRecord(eventId, kind, sessionId, clientAddress, requestHost, startedAt, endedAt,
                secondsToPlay, uriStem, uriQuery, status, endReason, userAgent, durationSeconds, mediaBytes,
                averageBitrate, transport, audioCodec, videoCodec, bytesSent, rtcpBytesReceived, packetsSent,
                packetsLost, serverAddress, serverHost, totalClients, cpuPercent, username, realm, protocol, count,
                counts);
    }

    /**
     * The record of {@code folded} refusals like this one (the last of them), between {@code firstAt} and this
     * record's time, under its own id; {@code stem} names what they asked for (e.g. a folder).
     */
    public AccessRecord folding(String newEventId, int folded, Instant firstAt, String stem, String reason) {
        return new AccessRecord(newEventId, kind, sessionId, clientAddress, requestHost, firstAt, endedAt,
                secondsToPlay, stem, null, status, reason, userAgent, durationSeconds, mediaBytes,
                averageBitrate, transport, audioCodec, videoCodec, bytesSent, rtcpBytesReceived, packetsSent,
                packetsLost, serverAddress, serverHost, totalClients, cpuPercent, username, realm, protocol, folded);
    }
}
