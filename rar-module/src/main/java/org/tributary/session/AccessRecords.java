package org.tributary.session;

import org.tributary.api.event.AccessRecord;
import org.tributary.source.SourceTrack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns an ended session (or a refused request) into the {@link AccessRecord} the access log and the
 * session history are written from, with Darwin's meanings (docs: reference §7.1).
 */
public final class AccessRecords {

    private static volatile String serverHostName;

    private AccessRecords() {
    }

    /** The record of a session that has just ended; {@code openSessions} is how many are still open. */
    public static AccessRecord ofEndedSession(RtspSession session, int openSessions) {
        List<TrackOutput> outputs = session.outputs();
        List<SourceTrack> tracks = session.source().tracks();
        long lost = 0;
        long reports = 0;
        long rtcpBytes = 0;
        long bitrateKbps = 0;
        String audio = null;
        String video = null;
        for (TrackOutput output : outputs) {
            lost += Math.max(0, output.cumulativeLost());
            reports += output.receiverReports();
            rtcpBytes += output.rtcpBytesReceived();
            SourceTrack track = tracks.get(output.trackIndex());
            bitrateKbps = track.bitrateKbps() <= 0 || bitrateKbps < 0 ? -1 : bitrateKbps + track.bitrateKbps();
            if ("audio".equals(track.media()) && audio == null) {
                audio = payloadName(track);
            } else if ("video".equals(track.media()) && video == null) {
                video = payloadName(track);
            }
        }
        double duration = session.source().durationSeconds();
        boolean finite = !Double.isInfinite(duration) && duration > 0;
        long averageBitrate = outputs.isEmpty() || bitrateKbps <= 0 ? -1 : bitrateKbps * 1000;
        long mediaBytes = averageBitrate > 0 && finite ? Math.round(averageBitrate / 8.0 * duration) : -1;
        String uri = session.requestUri();
        InetSocketAddress server = session.serverAddress();
        return new AccessRecord(UUID.randomUUID().toString(), AccessRecord.Kind.SESSION, session.id(),
                session.client().getAddress().getHostAddress(), host(uri), session.createdAt(),
                session.endedAt() != null ? session.endedAt() : Instant.now(),
                session.secondsToFirstPlay(), "/" + session.presentationPath(), query(uri),
                statusAtEnd(session.endReason(), session.lastStatus()), session.endReason(), session.userAgent(),
                finite ? duration : -1, mediaBytes, averageBitrate, transport(outputs), audio, video,
                session.bytesSent(), rtcpBytes, session.packetsSent(), reports > 0 ? lost : -1,
                server == null ? null : server.getAddress().getHostAddress(), serverHostName(), openSessions,
                cpuPercent(), null, null).withDelivery(session.deliveryCounts());
    }

    /**
     * The record of a broadcast that has just ended: the publisher's address and ANNOUNCE URI, its media
     * bytes in cs-bytes (nothing was sent to it), the codecs it announced and a transport starting with
     * {@code REC-} (REC-TCP, REC-UDP, REC-HTTP), which is how a broadcaster's line is told from a viewer's.
     */
    public static AccessRecord ofEndedBroadcast(PublisherSession session, int openSessions) {
        String audio = null;
        String video = null;
        for (SourceTrack track : session.announced().tracks()) {
            if ("audio".equals(track.media()) && audio == null) {
                audio = payloadName(track);
            } else if ("video".equals(track.media()) && video == null) {
                video = payloadName(track);
            }
        }
        PublisherOrigin origin = session.origin();
        Instant ended = session.endedAt() != null ? session.endedAt() : Instant.now();
        double seconds = Math.max(0.001, (ended.toEpochMilli() - session.createdAt().toEpochMilli()) / 1000.0);
        long averageBitrate = Math.round(session.bytesReceived() * 8 / seconds);
        String reason = session.endReason();
        int status = "teardown".equals(reason) || "connection closed".equals(reason) ? 200 : 500;
        return new AccessRecord(UUID.randomUUID().toString(), AccessRecord.Kind.PUBLISH, session.id(),
                origin.client().getAddress().getHostAddress(), host(origin.requestUri()), session.createdAt(), ended,
                0, "/" + session.presentationPath(), query(origin.requestUri()), status, reason, origin.userAgent(),
                -1, session.bytesReceived(), averageBitrate, "REC-" + session.transportKind(), audio, video, 0,
                session.bytesReceived(), 0, session.packetsLost(), origin.serverAddress() == null ? null
                : origin.serverAddress().getAddress().getHostAddress(), serverHostName(), openSessions, cpuPercent(),
                origin.userName(), null);
    }

    /** The record of a request refused outside any live session. */
    public static AccessRecord ofRefusal(String uri, String path, int status, String reason, InetSocketAddress client,
                                         InetSocketAddress server, String userAgent, int openSessions) {
        return ofRefusal(uri, path, status, reason, client, server, userAgent, openSessions, AccessRecord.RTP);
    }

    /** The record of a request refused outside any live session, made with the given protocol (RTP or HTTP). */
    public static AccessRecord ofRefusal(String uri, String path, int status, String reason, InetSocketAddress client,
                                         InetSocketAddress server, String userAgent, int openSessions, String protocol) {
        Instant now = Instant.now();
        return new AccessRecord(UUID.randomUUID().toString(), AccessRecord.Kind.REFUSAL, null,
                client.getAddress().getHostAddress(), host(uri), now, now, -1, "/" + path, query(uri), status, reason,
                userAgent, -1, -1, -1, null, null, null, 0, 0, 0, -1,
                server.getAddress().getHostAddress(), serverHostName(), openSessions, cpuPercent(), null, null, protocol);
    }

    /**
     * Darwin's c-status: the last status the session's requests got, except when the server ended a
     * session that was going well: timeout 504, other server-side ends 500.
     */
    static int statusAtEnd(String endReason, int lastStatus) {
        if (lastStatus != 200 || endReason == null) {
            return lastStatus;
        }
        return switch (endReason) {
            case "teardown", "connection closed" -> 200;
            case "timeout" -> 504;
            default -> 500;
        };
    }

    /** The rtpmap encoding name (what Darwin logged as the codec), else the codec's common name. */
    static String payloadName(SourceTrack track) {
        return track.encodingName();
    }

    /** UDP if any track goes over UDP (as Darwin), else TCP or HTTP (tunnel). */
    private static String transport(List<TrackOutput> outputs) {
        String kind = null;
        for (TrackOutput output : outputs) {
            String k = output.channel().kind();
            if ("udp".equals(k)) {
                return "UDP";
            }
            kind = k;
        }
        return kind == null ? null : kind.toUpperCase(java.util.Locale.ROOT);
    }

    /** c-dns: the host named in a request URI, or null. */
    public static String host(String uri) {
        URI parsed = parse(uri);
        return parsed == null ? null : parsed.getHost();
    }

    /** cs-uri-query: the query of a request URI, or null. */
    public static String query(String uri) {
        URI parsed = parse(uri);
        return parsed == null ? null : parsed.getRawQuery();
    }

    private static URI parse(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** s-dns: this machine's host name, looked up once (null when unknown). */
    public static String serverHostName() {
        String name = serverHostName;
        if (name == null) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                name = "-";
            }
            serverHostName = name;
        }
        return "-".equals(name) ? null : name;
    }

    private static volatile long cpuSampledAtNanos;
    private static volatile int cpuSample = -1;

    /**
     * s-cpu-util: this process's CPU use in percent, -1 when unknown. Sampled at most once a second: the
     * JDK measures the load since its previous call, and a flood of refused requests must not pay for a
     * measurement each (nor get a meaningless one from a few microseconds).
     */
    public static int cpuPercent() {
        long now = System.nanoTime();
        if (cpuSampledAtNanos != 0 && now - cpuSampledAtNanos < 1_000_000_000L) {
            return cpuSample;
        }
        cpuSample = measureCpuPercent();
        cpuSampledAtNanos = now;
        return cpuSample;
    }

    private static int measureCpuPercent() {
        double load = org.tributary.metrics.ProcessCpu.load();
        return load < 0 ? -1 : (int) Math.round(load * 100);
    }
}
