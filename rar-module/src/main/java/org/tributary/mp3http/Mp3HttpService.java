package org.tributary.mp3http;

import org.tributary.api.SessionInfo;
import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessRequest;
import org.tributary.api.access.Credentials;
import org.tributary.api.event.AccessRecord;
import org.tributary.auth.AccessGuard;
import org.tributary.auth.AuthorizationReader;
import org.tributary.auth.Verdict;
import org.tributary.catalog.CanonicalPath;
import org.tributary.catalog.MediaCatalog;
import org.tributary.stream.PathRegistry;
import org.tributary.engine.StreamingEngine;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;
import org.tributary.server.BandwidthLimit;
import org.tributary.server.Refusal;
import org.tributary.server.RefusalListener;
import org.tributary.server.Refusals;
import org.tributary.server.Reply;
import org.tributary.server.RequestHandler;
import org.tributary.server.RtspConnection;
import org.tributary.session.AccessRecords;
import org.tributary.session.TrafficMeter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a plain HTTP GET or HEAD for an MP3 file (one that is not half of an RTSP-over-HTTP tunnel):
 * checks the request, asks the same {@link AccessGuard} as RTSP (protocol {@value #PROTOCOL}), finds the
 * file through the path registry, and answers 200 with the stream, or an HTTP error with a JSON body.
 * A connection carries one such request and is closed after its answer (HTTP/1.0 style). Streams are
 * listed next to the RTSP sessions (transport {@value #TRANSPORT}), count in the adapter's traffic and
 * bandwidth limit, and may be ended by an administrator.
 */
public final class Mp3HttpService implements RequestHandler {

    /** The protocol named in access requests, so rules and logs can tell MP3 over HTTP apart. */
    public static final String PROTOCOL = "http-mp3";
    /** The transport shown for these streams in the session list and the statistics. */
    public static final String TRANSPORT = "HTTP";

    private static final Logger LOG = Logger.getLogger(Mp3HttpService.class.getName());

    private final AccessGuard guard;
    private final Mp3Library library;
    private final StreamingEngine engine;
    private final TrafficMeter meter;
    private final BandwidthLimit bandwidth;
    private final Consumer<AccessRecord> records;
    private volatile Mp3HttpSettings settings;
    /** File streams and station listeners, by connection id. */
    private final Map<Long, HttpListener> streams = new ConcurrentHashMap<>();
    private final Mp3Stations stations = new Mp3Stations();
    private final IcecastIngest ingest;
    private volatile RefusalListener refusals = RefusalListener.NONE;

    /** A service outside an adapter (tests): no traffic counted, no bandwidth limit. */
    public Mp3HttpService(AccessGuard guard, PathRegistry paths, StreamingEngine engine, Mp3HttpSettings settings,
                          Consumer<AccessRecord> records) {
        this(guard, paths, engine, settings, TrafficMeter.NONE, new BandwidthLimit(TrafficMeter.NONE, 0), records);
    }

    /**
     * @param meter     the adapter's traffic meter: every body byte is counted in it
     * @param bandwidth the adapter's bandwidth limit, asked before a stream starts
     */
    public Mp3HttpService(AccessGuard guard, PathRegistry paths, StreamingEngine engine, Mp3HttpSettings settings,
                          TrafficMeter meter, BandwidthLimit bandwidth, Consumer<AccessRecord> records) {
        this.guard = guard;
        this.library = new Mp3Library(paths);
        this.engine = engine;
        this.settings = settings;
        this.meter = meter;
        this.bandwidth = bandwidth;
        this.records = records;
        this.ingest = new IcecastIngest(guard, this::canonical, stations, engine, System::nanoTime, records);
    }

    /** The radio stations served at their mounts (channels and Icecast sources feed them). */
    public Mp3Stations stations() {
        return stations;
    }

    /** Icecast sources connected now. */
    public int activeSources() {
        return ingest.activeSources();
    }

    /** The limits for streams that start from now on (streams playing keep theirs). */
    public void settings(Mp3HttpSettings next) {
        this.settings = next;
    }

    public Mp3HttpSettings settings() {
        return settings;
    }

    /** Who hears about refused requests (the access log). */
    public void onRefusal(RefusalListener listener) {
        this.refusals = listener;
    }

    /** Streams running now. */
    public int activeStreams() {
        return streams.size();
    }

    /** The streams running now, as the console lists sessions. */
    public List<SessionInfo> sessionInfos() {
        List<SessionInfo> out = new ArrayList<>();
        for (HttpListener s : streams.values()) {
            out.add(new SessionInfo(s.id(), s.connection().remoteAddress().getAddress().getHostAddress(), s.path(),
                    TRANSPORT, "PLAYING", s.userAgent(), s.startedAt(), s.audioBytesSent(), 0, 0, 0, 0, s.user(),
                    s.bitsPerSecond(), 0, 0, 0, 0, 0));
        }
        return out;
    }

    /**
     * Ends a stream on an administrator's request: the connection closes after the current write and the
     * access record is written as for any other end.
     *
     * @return false when no stream has this id
     */
    public boolean stop(String id) {
        for (HttpListener s : streams.values()) {
            if (s.id().equals(id)) {
                LOG.info(s.connection().logPrefix() + "MP3 stream of " + s.path() + " ended by an administrator");
                s.stop(ENDED_BY_ADMIN);
                return true;
            }
        }
        return false;
    }

    /** Why an administrator's stop ended a stream (the access record's reason). */
    static final String ENDED_BY_ADMIN = "ended by an administrator";

    /** Housekeeping, once a second: every stream's recent rate. */
    public void sampleRates(long nowNanos) {
        for (HttpListener s : streams.values()) {
            s.sampleRate(nowNanos);
        }
    }

    @Override
    public Reply handle(RtspRequest request, RtspConnection connection) {
        boolean source = IcecastIngest.isSourceRequest(request);
        if (!source) {
            connection.stopReading(); // one request per connection: the answer ends it
        }
        try {
            if (source) {
                return ingest.publish(request, connection, refusals);
            }
            Mp3HttpRequest asked = Mp3HttpRequest.read(request);
            if (asked.path().equals(IcecastIngest.METADATA_PATH)) {
                return ingest.updateMetadata(request, connection, refusals);
            }
            // A station's mount names no file: stations are looked up first.
            PlaylistLink link = PlaylistLink.of(asked.path());
            String target = link == null ? asked.path() : link.target();
            CanonicalPath canonical = canonical(target);
            Mp3Station station = stations.at(canonical.path());
            if (station == null) {
                asked.at(target).requireMp3File(request.uri());
            }
            Mp3HttpRequest mp3 = asked.at(canonical.path());
            Access access = checkAccess(request, mp3, canonical.accessPath(AccessAction.READ), connection);
            if (access.refusal() != null) {
                return access.refusal();
            }
            if (station != null) {
                return link != null ? playlist(link, canonical.path(), station.headers().name(), request, mp3, connection)
                        : listen(request, mp3, station, connection, access.user(), settings);
            }
            if (!canonical.exists()) { // access was decided on the nearest existing folder, not on a file that appeared since
                throw HttpRefusal.notFound("no media file '" + Mp3HttpRequest.printable(canonical.path()) + "'");
            }
            Mp3Library.Track track = library.track(mp3.path());
            if (link != null) {
                return playlist(link, canonical.path(), track.title(), request, mp3, connection);
            }
            return ok(request, mp3, track, connection, access.user(), settings);
        } catch (HttpRefusal e) {
            if (source) {
                connection.stopReading(); // the body that may follow is not read
            }
            // A malformed request or a path out of the media folder is hostile input: a warning.
            LOG.log(e.status() == 400 || e.status() == 403 ? Level.WARNING : Level.INFO, connection.logPrefix()
                    + request.methodToken() + " " + Mp3HttpRequest.printable(request.uri()) + ": " + e.getMessage()
                    + "; answering " + e.status());
            if (e.contentRange() == null) { // a seek past the end is no access refusal: not in the access log
                refusals.refused(request, connection, statusFor(e.status()), e.getMessage());
            }
            RtspResponse error = Refusals.httpError(e.status(), e.reason(), e.getMessage(), request);
            if (e.contentRange() != null) {
                error.header("Content-Range", e.contentRange());
            }
            if (e.status() == 405) {
                error.header("Allow", Mp3HttpRequest.ALLOWED_METHODS);
            }
            if (e.status() == 503) {
                error.header("Retry-After", "30");
            }
            return Reply.of(error).then(connection::closeAfterFlush);
        } catch (RuntimeException e) { // a bug, not the client's fault: still an HTTP answer, never an RTSP one
            LOG.log(Level.SEVERE, connection.logPrefix() + "failed to answer " + request.methodToken() + " "
                    + Mp3HttpRequest.printable(request.uri()), e);
            return Reply.of(Refusals.httpError(500, "Internal Server Error", "the server failed to answer this request",
                    request)).then(connection::closeAfterFlush);
        }
    }

    /** Refuses a stream the limits do not leave room for (checked and taken together, so two at once cannot both pass). */
    private void admit(HttpListener stream, Mp3HttpSettings limits) throws HttpRefusal {
        synchronized (streams) {
            if (streams.size() >= limits.maxStreams()) {
                throw HttpRefusal.unavailable(limits.maxStreams() == 0 ? "MP3 over HTTP is switched off"
                        + " (mp3MaxStreams=0)" : "the limit of " + limits.maxStreams()
                        + " MP3 streams is reached (mp3MaxStreams)");
            }
            String noBandwidth = bandwidth.refusal(stream.path(), stream.kbps());
            if (noBandwidth != null) {
                throw HttpRefusal.unavailable(noBandwidth + " (maxBandwidthKbps)");
            }
            streams.put(stream.connection().id(), stream);
        }
    }

    private Reply ok(RtspRequest request, Mp3HttpRequest mp3, Mp3Library.Track track, RtspConnection connection,
                            String user, Mp3HttpSettings limits) throws HttpRefusal {
        long length = track.body().length();
        ByteRange whole = new ByteRange(0, length - 1);
        ByteRange range = whole;
        if (!mp3.wantsMetadata()) { // with ICY blocks interleaved, body positions would not be file positions
            try {
                ByteRange asked = ByteRange.parse(mp3.range(), length);
                range = asked == null ? whole : asked;
            } catch (ByteRange.Unsatisfiable e) {
                throw HttpRefusal.rangeNotSatisfiable(e.getMessage(), length);
            }
        }
        boolean partial = range != whole;
        RtspResponse ok = (partial ? new RtspResponse(206, "Partial Content") : new RtspResponse(200, "OK")).asHttp()
                .header("Content-Type", "audio/mpeg")
                .header("Cache-Control", "no-cache, no-store")
                .header("Pragma", "no-cache")
                .header("Accept-Ranges", mp3.wantsMetadata() ? "none" : "bytes")
                .header("Connection", "close")
                .header("icy-name", headerText(track.title()))
                .header("icy-br", Integer.toString(Math.max(1, track.file().bitrate() / 1000)));
        if (mp3.wantsMetadata()) {
            ok.header("icy-metaint", Integer.toString(limits.icyMetaint()));
        } else {
            ok.header("Content-Length", Long.toString(range.length()));
        }
        if (partial) {
            ok.header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + length);
        }
        if (mp3.head()) {
            return Reply.of(ok).then(connection::closeAfterFlush);
        }
        IcyInterleaver icy = mp3.wantsMetadata() ? new IcyInterleaver(limits.icyMetaint(), track.title()) : null;
        Mp3HttpStream stream = new Mp3HttpStream(connection, track, icy, range, limits.burstSeconds(),
                limits.stallSeconds(),
                new Mp3HttpStream.Listener(mp3.path(), user, mp3.userAgent()), meter,
                ended -> streamEnded(ended, request, mp3, user));
        admit(stream, limits);
        LOG.fine(connection.logPrefix() + "MP3 stream of " + mp3.path() + " starts" + (icy == null ? "" : " with ICY metadata"));
        return Reply.of(ok).then(() -> engine.schedule(stream));
    }

    /** A station's listener: the headers at once, then the burst and the live audio (see {@link StationListener}). */
    private Reply listen(RtspRequest request, Mp3HttpRequest mp3, Mp3Station station, RtspConnection connection,
                         String user, Mp3HttpSettings limits) throws HttpRefusal {
        StationHeaders about = station.headers();
        RtspResponse ok = new RtspResponse(200, "OK").asHttp()
                .header("Content-Type", "audio/mpeg")
                .header("Cache-Control", "no-cache, no-store")
                .header("Pragma", "no-cache")
                .header("Accept-Ranges", "none")
                .header("Connection", "close")
                .header("icy-name", headerText(about.name()));
        if (about.genre() != null) {
            ok.header("icy-genre", headerText(about.genre()));
        }
        if (about.description() != null) {
            ok.header("icy-description", headerText(about.description()));
        }
        if (station.kbps() > 0) {
            ok.header("icy-br", Integer.toString(station.kbps()));
        }
        if (mp3.wantsMetadata()) {
            ok.header("icy-metaint", Integer.toString(limits.icyMetaint()));
        }
        if (mp3.head()) {
            return Reply.of(ok).then(connection::closeAfterFlush);
        }
        StationListener listener = new StationListener(connection, station,
                mp3.wantsMetadata() ? limits.icyMetaint() : 0, limits.stallSeconds(),
                new Mp3HttpStream.Listener(station.mount(), user, mp3.userAgent()), meter,
                ended -> listenerEnded(ended, request, user));
        admit(listener, limits);
        if (!station.join(listener)) {
            streams.remove(connection.id(), listener);
            throw HttpRefusal.notFound("the station at " + Mp3HttpRequest.printable(station.mount()) + " has ended");
        }
        LOG.fine(connection.logPrefix() + "listener of station " + station.mount() + " starts"
                + (mp3.wantsMetadata() ? " with ICY metadata" : ""));
        return Reply.of(ok).then(() -> engine.schedule(listener));
    }

    /** An .m3u or .pls pointing at a station or a file. */
    private static Reply playlist(PlaylistLink link, String canonicalPath, String title, RtspRequest request,
                                  Mp3HttpRequest mp3, RtspConnection connection) {
        byte[] body = link.body(canonicalPath, title, request, connection.localAddress());
        RtspResponse ok = new RtspResponse(200, "OK").asHttp().header("Cache-Control", "no-cache")
                .header("Connection", "close");
        if (mp3.head()) {
            ok.header("Content-Type", link.contentType()).header("Content-Length", Integer.toString(body.length));
        } else {
            ok.body(link.contentType(), body);
        }
        return Reply.of(ok).then(connection::closeAfterFlush);
    }

    private void listenerEnded(StationListener listener, RtspRequest request, String user) {
        RtspConnection connection = listener.connection();
        streams.remove(connection.id(), listener);
        LOG.fine(connection.logPrefix() + "listener of station " + listener.path() + " ended ("
                + listener.endReason() + ") after " + listener.audioBytesSent() + " bytes");
        long bitrate = listener.kbps() * 1000L;
        records.accept(new AccessRecord(UUID.randomUUID().toString(), AccessRecord.Kind.SESSION, null,
                connection.remoteAddress().getAddress().getHostAddress(), hostOf(request.header("Host")),
                listener.startedAt(), listener.endedAt(), 0, "/" + listener.path(),
                AccessRecords.query(request.uri()), statusAtEnd(listener.endReason()), listener.endReason(),
                request.header("User-Agent"), -1, -1, bitrate, "TCP", "MPA", null, listener.audioBytesSent(), 0, 0,
                -1, connection.localAddress().getAddress().getHostAddress(), AccessRecords.serverHostName(),
                streams.size(), AccessRecords.cpuPercent(), user, null, AccessRecord.HTTP));
    }

    /** The guard's answer: a 401/403/503 refusal, or null and the authenticated user (null: anonymous). */
    private record Access(Reply refusal, String user) {
    }

    /** The catalogue's canonical path, the one access is decided on and the file is found by. */
    private CanonicalPath canonical(String path) throws HttpRefusal {
        try {
            return library.canonical(path);
        } catch (MediaCatalog.MalformedPathException e) {
            throw HttpRefusal.badRequest(e.getMessage());
        } catch (MediaCatalog.MediaForbiddenException e) {
            throw HttpRefusal.forbidden(e.getMessage());
        }
    }

    /** @param accessPath the canonical path the question is about (a missing file's nearest existing folder) */
    private Access checkAccess(RtspRequest request, Mp3HttpRequest mp3, String accessPath, RtspConnection connection)
            throws HttpRefusal {
        Credentials credentials;
        try {
            credentials = AuthorizationReader.read(mp3.authorization(), request.methodToken());
        } catch (IllegalArgumentException e) {
            throw HttpRefusal.badRequest(e.getMessage());
        }
        String client = connection.remoteAddress().getAddress().getHostAddress();
        Verdict verdict = guard.check(new AccessRequest(PROTOCOL, AccessAction.READ, accessPath, client,
                mp3.userAgent(), credentials), request.uri());
        if (verdict.kind() == Verdict.Kind.ALLOWED) {
            return new Access(null, verdict.user());
        }
        Refusal refusal = Refusals.ofVerdict(verdict, true);
        LOG.log(refusal.level(), connection.logPrefix() + Refusals.accessLogLine(verdict, "GET", mp3.path(), client));
        refusals.refused(request, connection, refusal.status(), refusal.why());
        return new Access(Refusals.http(refusal, request, connection::closeAfterFlush), null);
    }

    private void streamEnded(Mp3HttpStream stream, RtspRequest request, Mp3HttpRequest mp3, String user) {
        RtspConnection connection = stream.connection();
        streams.remove(connection.id(), stream);
        LOG.fine(connection.logPrefix() + "MP3 stream ended (" + stream.endReason() + ") after "
                + stream.audioBytesSent() + " bytes");
        records.accept(record(stream, request, mp3, user));
    }

    private AccessRecord record(Mp3HttpStream stream, RtspRequest request, Mp3HttpRequest mp3, String user) {
        RtspConnection connection = stream.connection();
        Mp3Library.Track track = stream.track();
        long bitrate = track.file().bitrate();
        double duration = track.file().durationSeconds();
        return new AccessRecord(UUID.randomUUID().toString(), AccessRecord.Kind.SESSION, null,
                connection.remoteAddress().getAddress().getHostAddress(), hostOf(request.header("Host")),
                stream.startedAt(), stream.endedAt(), 0, "/" + mp3.path(),
                AccessRecords.query(request.uri()), statusAtEnd(stream.endReason()), stream.endReason(),
                request.header("User-Agent"), duration, Math.round(bitrate / 8.0 * duration), bitrate, "TCP", "MPA",
                null, stream.audioBytesSent(), 0, stream.framesSent(), -1,
                connection.localAddress().getAddress().getHostAddress(), AccessRecords.serverHostName(), streams.size(),
                AccessRecords.cpuPercent(), user, null, AccessRecord.HTTP);
    }

    /** Darwin's meaning of c-status for a stream the server ended: 504 for a stalled client, 500 otherwise. */
    static int statusAtEnd(String reason) {
        return switch (reason) {
            case "end of file", "end of range", "client gone", "station ended" -> 200;
            case "client stalled" -> 504;
            default -> 500;
        };
    }

    @Override
    public void connectionClosed(RtspConnection connection) {
        HttpListener stream = streams.get(connection.id());
        if (stream != null) {
            stream.end("client gone");
        }
        ingest.connectionClosed(connection);
    }

    /** Ends every stream (adapter stop); their records are published before this returns. */
    public void closeAll(String reason) {
        ingest.closeAll(reason);
        for (HttpListener stream : new ArrayList<>(streams.values())) {
            stream.end(reason);
            stream.connection().close();
        }
    }

    private static RtspStatus statusFor(int code) {
        for (RtspStatus s : RtspStatus.values()) {
            if (s.code() == code) {
                return s;
            }
        }
        return RtspStatus.BAD_REQUEST;
    }

    /** c-dns: the Host header without its port. */
    static String hostOf(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String h = host.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(1, end) : h;
        }
        int colon = h.indexOf(':');
        return colon >= 0 ? h.substring(0, colon) : h;
    }

    /** A header value in printable ASCII (titles may hold anything). */
    static String headerText(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
