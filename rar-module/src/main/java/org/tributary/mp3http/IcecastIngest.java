package org.tributary.mp3http;

import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessRequest;
import org.tributary.api.access.Credentials;
import org.tributary.api.event.AccessRecord;
import org.tributary.auth.AccessGuard;
import org.tributary.auth.AuthorizationReader;
import org.tributary.auth.Verdict;
import org.tributary.catalog.CanonicalPath;
import org.tributary.engine.PlaybackScheduler;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.header.WwwAuthenticate;
import org.tributary.server.Refusal;
import org.tributary.server.RefusalListener;
import org.tributary.server.Refusals;
import org.tributary.server.Reply;
import org.tributary.server.RtspConnection;
import org.tributary.session.AccessRecords;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Icecast 2 source clients (ffmpeg's {@code icecast://}, butt, liquidsoap, ices): {@code PUT /mount} or the
 * legacy {@code SOURCE /mount}, Basic credentials asked of the access guard as a publish ({@link
 * AccessAction#WRITE}, as for an RTSP ANNOUNCE), an MP3 body with no end. 401 with a Basic challenge for
 * missing or wrong credentials, 403 when a source feeds the mount already, 415 for another content type;
 * {@code Expect: 100-continue} is answered 100, else 200, and then the body is read. The source feeds the
 * station at its mount (made for it when none is there). Also Icecast's title update,
 * {@code GET /admin/metadata?mount=/m&mode=updinfo&song=Title}, with the same credentials.
 */
final class IcecastIngest {

    private static final Logger LOG = Logger.getLogger(IcecastIngest.class.getName());
    /** The Basic realm offered when the guard's challenges have none (source clients only speak Basic). */
    static final String REALM = "Tributary";
    /** The request path of Icecast's metadata update. */
    static final String METADATA_PATH = "admin/metadata";
    private static final Set<String> MP3_TYPES = Set.of("audio/mpeg", "audio/mp3", "audio/x-mpeg", "audio/mpeg3");

    /** Finds the catalogue's canonical path of a request path (400/403 as HttpRefusal). */
    interface Canonicalizer {
        CanonicalPath canonical(String path) throws HttpRefusal;
    }

    private final AccessGuard guard;
    private final Canonicalizer paths;
    private final Mp3Stations stations;
    private final PlaybackScheduler engine;
    private final LongSupplier clock;
    private final Consumer<AccessRecord> records;
    private final Map<Long, IcecastSource> sources = new ConcurrentHashMap<>();

    IcecastIngest(AccessGuard guard, Canonicalizer paths, Mp3Stations stations, PlaybackScheduler engine,
                  LongSupplier clock, Consumer<AccessRecord> records) {
        this.guard = guard;
        this.paths = paths;
        this.stations = stations;
        this.engine = engine;
        this.clock = clock;
        this.records = records;
    }

    static boolean isSourceRequest(RtspRequest request) {
        String method = request.methodToken();
        return method.equals("PUT") || method.equals("SOURCE");
    }

    /** A PUT or SOURCE: the reply, or a refusal thrown for the service to answer. */
    Reply publish(RtspRequest request, RtspConnection connection, RefusalListener refusals) throws HttpRefusal {
        if (!request.version().equals("HTTP/1.0") && !request.version().equals("HTTP/1.1")) {
            throw HttpRefusal.badRequest("unsupported protocol version " + request.version());
        }
        String encoding = request.header("Transfer-Encoding");
        if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new HttpRefusal(501, "Not Implemented", "a source body in Transfer-Encoding " + encoding.trim()
                    + " is not supported: send the MP3 stream as it is (as Icecast 2.4 clients do)");
        }
        CanonicalPath mount = mountOf(request.uri());
        Authorized who = authorize(request, connection, mount.accessPath(AccessAction.WRITE), refusals);
        if (who.refusal() != null) {
            connection.stopReading();
            return who.refusal();
        }
        String type = request.header("Content-Type");
        if (type != null && !MP3_TYPES.contains(type.split(";")[0].trim().toLowerCase(Locale.ROOT))) {
            throw HttpRefusal.unsupportedMediaType("this server relays MP3 (audio/mpeg) sources, not '"
                    + Mp3HttpRequest.printable(type) + "'");
        }
        String iceName = text(request.header("ice-name"));
        StationHeaders headers = new StationHeaders(iceName != null ? iceName : mount.path(),
                text(request.header("ice-genre")), text(request.header("ice-description")));
        Mp3Station.Feed feed;
        try {
            feed = stations.openLive(mount.path(), headers);
        } catch (Mp3Stations.MountTaken e) {
            throw HttpRefusal.forbidden(e.getMessage());
        }
        feed.title(iceName != null ? iceName : headers.name());
        IcecastSource source = new IcecastSource(connection, feed, new IcecastSource.Origin(mount.path(), who.user(),
                request.header("User-Agent"), request.methodToken()), clock, ended -> sourceEnded(ended, request));
        sources.put(connection.id(), source);
        connection.receiveBody(source::received);
        engine.schedule(source);
        LOG.info(connection.logPrefix() + "Icecast source " + (who.user() == null ? "" : "of " + who.user() + " ")
                + "publishes " + mount.path() + " (" + request.methodToken() + ", '" + headers.name() + "')");
        String expect = request.header("Expect");
        if (expect != null && expect.trim().equalsIgnoreCase("100-continue")) {
            connection.send("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return Reply.NONE;
        }
        return Reply.of(new RtspResponse(200, "OK").asHttp());
    }

    /** Icecast's {@code /admin/metadata?mode=updinfo}: a new StreamTitle for the source at a mount. */
    Reply updateMetadata(RtspRequest request, RtspConnection connection, RefusalListener refusals)
            throws HttpRefusal {
        Map<String, String> query = query(request.uri());
        if (!"updinfo".equals(query.get("mode")) || query.get("mount") == null || query.get("song") == null) {
            throw HttpRefusal.badRequest("a metadata update needs mode=updinfo, mount and song");
        }
        CanonicalPath mount = paths.canonical(query.get("mount").replaceFirst("^/+", ""));
        Authorized who = authorize(request, connection, mount.accessPath(AccessAction.WRITE), refusals);
        if (who.refusal() != null) {
            return who.refusal();
        }
        IcecastSource source = sources.values().stream().filter(s -> s.origin().mount().equals(mount.path()))
                .findFirst().orElseThrow(() -> HttpRefusal.notFound("no source feeds " + mount.path()));
        source.title(query.get("song"));
        LOG.info(connection.logPrefix() + "title of " + mount.path() + " is now '" + Mp3HttpRequest.printable(
                query.get("song")) + "'");
        byte[] body = ("<?xml version=\"1.0\"?>\n<iceresponse><message>Metadata update successful</message>"
                + "<return>1</return></iceresponse>\n").getBytes(StandardCharsets.UTF_8);
        return Reply.of(new RtspResponse(200, "OK").asHttp().header("Connection", "close").body("text/xml", body))
                .then(connection::closeAfterFlush);
    }

    private CanonicalPath mountOf(String uri) throws HttpRefusal {
        String path;
        try {
            path = org.tributary.rtsp.RtspUri.httpPath(uri).replaceAll("/+$", "");
        } catch (IllegalArgumentException e) {
            throw HttpRefusal.badRequest(e.getMessage());
        }
        if (path.isEmpty()) {
            throw HttpRefusal.badRequest("a source needs a mount, as in PUT /live.mp3");
        }
        return paths.canonical(path);
    }

    /** The guard's answer: a 401/403/503 reply, or null and the user who may publish (null: anonymous). */
    private record Authorized(Reply refusal, String user) {
    }

    private Authorized authorize(RtspRequest request, RtspConnection connection, String accessPath,
                                 RefusalListener refusals) throws HttpRefusal {
        Credentials credentials;
        try {
            credentials = AuthorizationReader.read(request.header("Authorization"), request.methodToken());
        } catch (IllegalArgumentException e) {
            throw HttpRefusal.badRequest(e.getMessage());
        }
        String client = connection.remoteAddress().getAddress().getHostAddress();
        Verdict verdict = guard.check(new AccessRequest(Mp3HttpService.PROTOCOL, AccessAction.WRITE, accessPath,
                client, request.header("User-Agent"), credentials), request.uri());
        if (verdict.kind() == Verdict.Kind.ALLOWED) {
            return new Authorized(null, verdict.user());
        }
        Refusal refusal = Refusals.ofVerdict(verdict, true);
        LOG.log(refusal.level(), connection.logPrefix() + Refusals.accessLogLine(verdict, request.methodToken(),
                accessPath, client));
        refusals.refused(request, connection, refusal.status(), refusal.why());
        Reply reply = Refusals.http(refusal, request, connection::closeAfterFlush);
        boolean basic = reply.response().headers().getAll(WwwAuthenticate.HEADER).stream()
                .anyMatch(c -> c.regionMatches(true, 0, "Basic", 0, 5));
        if (refusal.code() == 401 && !basic) {
            reply.response().headers().add(WwwAuthenticate.HEADER, WwwAuthenticate.basic(REALM).format());
        }
        return new Authorized(reply, null);
    }

    /** The connection of a source closed. */
    void connectionClosed(RtspConnection connection) {
        IcecastSource source = sources.get(connection.id());
        if (source != null) {
            source.end("source gone");
        }
    }

    /** Ends every source (adapter stop). */
    void closeAll(String reason) {
        for (IcecastSource source : List.copyOf(sources.values())) {
            source.end(reason);
            source.connection().close();
        }
    }

    int activeSources() {
        return sources.size();
    }

    private void sourceEnded(IcecastSource source, RtspRequest request) {
        sources.remove(source.connection().id(), source);
        records.accept(record(source, request));
    }

    private AccessRecord record(IcecastSource source, RtspRequest request) {
        RtspConnection connection = source.connection();
        double seconds = Math.max(0.001, (source.endedAt().toEpochMilli() - source.startedAt().toEpochMilli()) / 1000.0);
        long bytes = source.bytesReceived();
        int status = "source gone".equals(source.endReason()) ? 200 : 500;
        return new AccessRecord(UUID.randomUUID().toString(), AccessRecord.Kind.PUBLISH,
                HttpListener.idOf(connection), connection.remoteAddress().getAddress().getHostAddress(),
                Mp3HttpService.hostOf(request.header("Host")), source.startedAt(), source.endedAt(), 0,
                "/" + source.origin().mount(), AccessRecords.query(request.uri()), status, source.endReason(),
                source.origin().userAgent(), -1, bytes, Math.round(bytes * 8 / seconds), "REC-HTTP", "MPA", null, 0,
                bytes, source.frames(), -1, connection.localAddress().getAddress().getHostAddress(),
                AccessRecords.serverHostName(), sources.size(), AccessRecords.cpuPercent(), source.origin().user(),
                null, AccessRecord.HTTP);
    }

    /** A header value as listeners may see it: printable, or null when blank. */
    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = Mp3HttpService.headerText(value.trim());
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    private static Map<String, String> query(String uri) throws HttpRefusal {
        Map<String, String> out = new HashMap<>();
        int q = uri.indexOf('?');
        if (q < 0) {
            return out;
        }
        try {
            for (String pair : uri.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            throw HttpRefusal.badRequest("malformed query: " + e.getMessage());
        }
        return out;
    }
}
