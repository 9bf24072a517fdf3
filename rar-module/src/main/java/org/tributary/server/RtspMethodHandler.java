package org.tributary.server;

import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessRequest;
import org.tributary.api.access.Credentials;
import org.tributary.api.access.MediaPaths;
import org.tributary.auth.AccessGuard;
import org.tributary.auth.AuthorizationReader;
import org.tributary.auth.Verdict;
import org.tributary.rtsp.header.WwwAuthenticate;
import org.tributary.rtsp.RtspMethod;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.RtspUri;
import org.tributary.stream.PathRegistry;
import org.tributary.engine.StreamingEngine;
import org.tributary.session.Requester;
import org.tributary.session.SessionRegistry;
import org.tributary.session.TrafficMeter;
import org.tributary.transport.UdpEndpoint;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Answers requests by method (RFC 2326 §10): checks what every request must carry (version, CSeq),
 * asks the access check for requests on a media path, and answers what is implemented.
 */
public final class RtspMethodHandler implements RequestHandler {

    private static final Logger LOG = Logger.getLogger(RtspMethodHandler.class.getName());

    /** The methods this server answers; the Public header of OPTIONS lists them. */
    private static final Set<RtspMethod> IMPLEMENTED = EnumSet.of(RtspMethod.OPTIONS, RtspMethod.DESCRIBE,
            RtspMethod.SETUP, RtspMethod.PLAY, RtspMethod.PAUSE, RtspMethod.TEARDOWN, RtspMethod.GET_PARAMETER,
            RtspMethod.SET_PARAMETER);

    private static final Set<RtspMethod> READ_METHODS = EnumSet.of(RtspMethod.DESCRIBE, RtspMethod.SETUP,
            RtspMethod.PLAY);
    private static final Set<RtspMethod> WRITE_METHODS = EnumSet.of(RtspMethod.ANNOUNCE, RtspMethod.RECORD);

    /** The body of the 501 that answers an allowed ANNOUNCE or RECORD. */
    static final String PUBLISHING_NOT_AVAILABLE = "Publishing live streams (ANNOUNCE/RECORD) is not available in"
            + " this version of Tributary: the request passed the access check, but no live reflector takes streams yet.";

    private final AccessGuard accessGuard;
    private final PathRegistry paths;
    private final PlaybackMethods playback;
    private final HttpTunnels tunnels = new HttpTunnels();
    /** Answers HTTP requests that are not tunnel halves (MP3 over HTTP); without one they get the tunnel's 400. */
    private volatile RequestHandler plainHttp;
    private volatile RefusalListener refusals = RefusalListener.NONE;

    public RtspMethodHandler(AccessGuard accessGuard, PathRegistry paths, SessionRegistry sessions,
                             StreamingEngine engine, UdpEndpoint udp, TrafficMeter meter, BandwidthLimit bandwidth) {
        this.accessGuard = accessGuard;
        this.paths = paths;
        this.playback = new PlaybackMethods(paths, sessions, engine, udp, meter, bandwidth);
    }

    /** New UDP sessions use this RTP port pair from now on. */
    public void udp(UdpEndpoint endpoint) {
        playback.udp(endpoint);
    }

    /** Who hears about refused requests (the access log). */
    public void onRefusal(RefusalListener listener) {
        this.refusals = listener;
    }

    /** Who answers a plain HTTP request (no tunnel markers) on an RTSP port: the MP3-over-HTTP service. */
    public void plainHttp(RequestHandler handler) {
        this.plainHttp = handler;
    }

    @Override
    public void connectionClosed(RtspConnection connection) {
        playback.connectionClosed(connection);
        RequestHandler http = plainHttp;
        if (http != null) {
            http.connectionClosed(connection);
        }
    }

    @Override
    public boolean carriesSession(RtspConnection connection) {
        return playback.carriesSession(connection);
    }

    @Override
    public RtspResponse handle(RtspRequest request, RtspConnection connection) {
        String cseq = request.cseq();
        if (request.version().startsWith("HTTP/")) {
            RequestHandler http = plainHttp;
            return http == null || HttpTunnels.isTunnelHalf(request) ? tunnels.handle(request, connection)
                    : http.handle(request, connection);
        }
        if (!"RTSP/1.0".equals(request.version())) {
            LOG.info(connection.logPrefix() + "version " + request.version() + " is not supported; answering 505");
            return answer(RtspStatus.VERSION_NOT_SUPPORTED, cseq);
        }
        if (cseq == null || !cseq.trim().matches("\\d{1,10}")) {
            LOG.info(connection.logPrefix() + request.methodToken() + " without a valid CSeq; answering 400");
            return answer(RtspStatus.BAD_REQUEST, null);
        }
        if (request.headers().getAll("CSeq").stream().map(String::trim).distinct().count() > 1) {
            // Which one would the client match the answer to? Neither: refuse rather than guess.
            LOG.warning(connection.logPrefix() + request.methodToken() + " with two different CSeq values; answering 400");
            return answer(RtspStatus.BAD_REQUEST, null);
        }
        RtspMethod method = request.method();
        AccessAction action = READ_METHODS.contains(method) ? AccessAction.READ
                : WRITE_METHODS.contains(method) ? AccessAction.WRITE : null;
        String user = null;
        PlaybackMethods.Target target = null;
        if (action != null) {
            try {
                target = target(request);
            } catch (PlaybackMethods.Refusal refusal) {
                LOG.warning(connection.logPrefix() + "refused " + request.methodToken() + " "
                        + MediaPaths.printable(request.uri()) + ": " + refusal.getMessage() + "; answering "
                        + refusal.status.code());
                refusals.refused(request, connection, refusal.status, refusal.getMessage());
                return answer(refusal.status, cseq);
            }
            Verdict verdict = checkAccess(request, connection, action, target.canonical().accessPath(action));
            if (verdict.kind() != Verdict.Kind.ALLOWED) {
                return refusalOf(verdict, request, connection, target.presentation());
            }
            user = verdict.user();
        }
        Requester requester = action != null ? PlaybackMethods.requester(connection, user)
                : new Requester(connection.responseTarget(), connection.remoteAddress().getAddress(),
                        presentation -> authenticatedUser(request, connection, presentation));
        try {
            return switch (method) {
                case OPTIONS -> {
                    playback.keepAlive(request, requester);
                    yield answer(RtspStatus.OK, cseq).header("Public", publicMethods());
                }
                case DESCRIBE -> playback.describe(request, connection, target);
                case SETUP -> playback.setup(request, connection, target, user);
                case PLAY -> playback.play(request, target, requester);
                case PAUSE -> playback.pause(request, requester);
                case TEARDOWN -> playback.teardown(request, requester);
                case GET_PARAMETER, SET_PARAMETER -> playback.parameter(request, requester);
                case ANNOUNCE, RECORD -> publishingNotAvailable(request, connection);
                default -> {
                    LOG.info(connection.logPrefix() + request.methodToken() + " is not implemented; answering 501");
                    yield answer(RtspStatus.NOT_IMPLEMENTED, cseq).header("Public", publicMethods());
                }
            };
        } catch (PlaybackMethods.Refusal refusal) {
            LOG.log(refusal.level, connection.logPrefix() + request.methodToken() + " " + request.uri() + ": "
                    + refusal.getMessage() + "; answering " + refusal.status.code());
            refusals.refused(request, connection, refusal.status, refusal.getMessage());
            return answer(refusal.status, cseq);
        }
    }

    /**
     * ANNOUNCE and RECORD have passed the write check (credentials, write audience or broadcaster account),
     * but this version has no live reflector to take the stream: an honest 501, never a fake success.
     */
    private RtspResponse publishingNotAvailable(RtspRequest request, RtspConnection connection) {
        String why = "publishing live streams (" + request.methodToken() + ") is not available in this version;"
                + " the client was allowed to publish here";
        LOG.info(connection.logPrefix() + request.methodToken() + " " + request.uri() + ": " + why + "; answering 501");
        refusals.refused(request, connection, RtspStatus.NOT_IMPLEMENTED, why);
        return answer(RtspStatus.NOT_IMPLEMENTED, request.cseq()).header("Public", publicMethods())
                .body("text/plain; charset=utf-8", (PUBLISHING_NOT_AVAILABLE + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The presentation and track the request names, canonical: 400 for a malformed URI or path, 403 outside the root. */
    private PlaybackMethods.Target target(RtspRequest request) throws PlaybackMethods.Refusal {
        String path;
        try {
            path = RtspUri.path(request.uri());
        } catch (IllegalArgumentException e) {
            throw new PlaybackMethods.Refusal(RtspStatus.BAD_REQUEST, e.getMessage());
        }
        return PlaybackMethods.Target.of(path, paths);
    }

    /** A malformed Authorization header: answered 400 before any access decision. */
    private static final Verdict MALFORMED = new Verdict(Verdict.Kind.UNAVAILABLE, "malformed", null, java.util.List.of());

    /** @param path the canonical path the question is about */
    private Verdict checkAccess(RtspRequest request, RtspConnection connection, AccessAction action, String path) {
        Credentials credentials;
        try {
            credentials = AuthorizationReader.read(request.header("Authorization"), request.methodToken());
        } catch (IllegalArgumentException e) {
            LOG.warning(connection.logPrefix() + e.getMessage() + "; answering 400");
            return MALFORMED;
        }
        String client = connection.remoteAddress().getAddress().getHostAddress();
        String protocol = connection.responseTarget() == connection ? "rtsp" : "rtsp-http";
        return accessGuard.check(new AccessRequest(protocol, action, path, client,
                request.header("User-Agent"), credentials), request.uri());
    }

    /**
     * For a request that carries no path check (PAUSE, TEARDOWN, GET/SET_PARAMETER, OPTIONS) but names a
     * session set up by an authenticated user from another connection: the user its credentials prove for
     * the session's presentation, or null.
     */
    private String authenticatedUser(RtspRequest request, RtspConnection connection, String presentation) {
        Credentials credentials;
        try {
            credentials = AuthorizationReader.read(request.header("Authorization"), request.methodToken());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (credentials == null) {
            return null;
        }
        String client = connection.remoteAddress().getAddress().getHostAddress();
        String protocol = connection.responseTarget() == connection ? "rtsp" : "rtsp-http";
        Verdict verdict = accessGuard.check(new AccessRequest(protocol, AccessAction.READ, presentation, client,
                request.header("User-Agent"), credentials), request.uri());
        return verdict.kind() == Verdict.Kind.ALLOWED ? verdict.user() : null;
    }

    /** @param path the canonical presentation, for the log */
    private RtspResponse refusalOf(Verdict verdict, RtspRequest request, RtspConnection connection, String path) {
        if (verdict == MALFORMED) {
            return answer(RtspStatus.BAD_REQUEST, request.cseq());
        }
        String client = connection.remoteAddress().getAddress().getHostAddress();
        String who = " for " + client + (verdict.user() == null ? "" : " user '" + verdict.user() + "'");
        switch (verdict.kind()) {
            case UNAUTHORIZED: {
                LOG.warning(connection.logPrefix() + "refused " + request.methodToken() + " " + path + who + ": "
                        + verdict.reason() + "; answering 401" + AccessGuard.holdBackNote(verdict));
                refusals.refused(request, connection, RtspStatus.UNAUTHORIZED, verdict.reason());
                RtspResponse challenge = answer(RtspStatus.UNAUTHORIZED, request.cseq()).holdBack(verdict.holdBackMillis());
                for (WwwAuthenticate c : verdict.challenges()) {
                    challenge.headers().add(WwwAuthenticate.HEADER, c.format());
                }
                return challenge;
            }
            case FORBIDDEN:
                LOG.warning(connection.logPrefix() + "refused " + request.methodToken() + " " + path + who + ": "
                        + verdict.reason() + "; answering 403");
                refusals.refused(request, connection, RtspStatus.FORBIDDEN, verdict.reason());
                return answer(RtspStatus.FORBIDDEN, request.cseq());
            default:
                LOG.severe(connection.logPrefix() + "no access decision for " + path + ": " + verdict.reason()
                        + "; answering 503");
                refusals.refused(request, connection, RtspStatus.SERVICE_UNAVAILABLE, verdict.reason());
                return answer(RtspStatus.SERVICE_UNAVAILABLE, request.cseq());
        }
    }

    private static String publicMethods() {
        return IMPLEMENTED.stream().map(m -> m.name()).collect(Collectors.joining(", "));
    }

    static RtspResponse answer(RtspStatus status, String cseq) {
        RtspResponse response = new RtspResponse(status);
        if (cseq != null) {
            response.header("CSeq", cseq.trim());
        }
        return response;
    }
}
