package org.tributary.server;

import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessRequest;
import org.tributary.api.access.Credentials;
import org.tributary.api.access.MediaPaths;
import org.tributary.auth.AccessGuard;
import org.tributary.auth.AuthorizationReader;
import org.tributary.auth.Verdict;
import org.tributary.engine.StreamingEngine;
import org.tributary.rtsp.RtspMethod;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspStatus;
import org.tributary.session.MulticastGroups;
import org.tributary.session.Publishers;
import org.tributary.session.Requester;
import org.tributary.stream.PathRegistry;
import org.tributary.session.RtxLimits;
import org.tributary.session.SessionRegistry;
import org.tributary.session.ThinningSettings;
import org.tributary.session.TrafficMeter;
import org.tributary.transport.ReceivePortPairs;
import org.tributary.transport.UdpEndpoint;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The dispatcher: checks what every request must carry (version, CSeq), resolves the path and asks the
 * access check for the methods that name one, then hands the request to the handler of its method family
 * and turns a refusal into its answer and log line. HTTP requests go to the tunnel or to plain HTTP.
 */
public final class RtspMethodHandler implements RequestHandler {

    private static final Logger LOG = Logger.getLogger(RtspMethodHandler.class.getName());

    /** The methods this server answers; the Public header of OPTIONS lists them. */
    private static final Set<RtspMethod> IMPLEMENTED = EnumSet.of(RtspMethod.OPTIONS, RtspMethod.DESCRIBE,
            RtspMethod.ANNOUNCE, RtspMethod.SETUP, RtspMethod.PLAY, RtspMethod.PAUSE, RtspMethod.RECORD,
            RtspMethod.TEARDOWN, RtspMethod.GET_PARAMETER, RtspMethod.SET_PARAMETER);

    private static final Set<RtspMethod> READ_METHODS = EnumSet.of(RtspMethod.DESCRIBE, RtspMethod.SETUP,
            RtspMethod.PLAY);
    private static final Set<RtspMethod> WRITE_METHODS = EnumSet.of(RtspMethod.ANNOUNCE, RtspMethod.RECORD);

    private final AccessGuard accessGuard;
    private final PathResolver paths;
    private final SessionRegistry sessions;
    private final SetupHandler setup;
    private final Publishers publishers;
    private final Announcements announcements = new Announcements();
    private final PublishHandler publishing;
    /** Method to handler; a method without one is answered 501. */
    private final Map<RtspMethod, MethodHandler> handlers = new EnumMap<>(RtspMethod.class);
    private final String publicMethods;
    private final HttpTunnels tunnels = new HttpTunnels();
    private final RtxOffer rtx = new RtxOffer();
    private final InstantOn instantOn = new InstantOn();
    /** Answers HTTP requests that are not tunnel halves (MP3 over HTTP); without one they get the tunnel's 400. */
    private volatile RequestHandler plainHttp;
    private volatile RefusalListener refusals = RefusalListener.NONE;
    private volatile EntryRedirect entryRedirect = EntryRedirect.NONE;

    /** @param publishingPorts the server ports publishers sending over UDP get */
    public RtspMethodHandler(AccessGuard accessGuard, PathRegistry registry, SessionRegistry sessions,
                             Publishers publishers, ReceivePortPairs publishingPorts, StreamingEngine engine,
                             UdpEndpoint udp, TrafficMeter meter, BandwidthLimit bandwidth) {
        this.accessGuard = accessGuard;
        this.paths = new PathResolver(registry, announcements);
        this.sessions = sessions;
        this.publishers = publishers;
        SessionLookup lookup = new SessionLookup(sessions);
        this.setup = new SetupHandler(paths, lookup, udp, meter, bandwidth);
        setup.rtx(rtx);
        this.publicMethods = IMPLEMENTED.stream().map(RtspMethod::name).collect(Collectors.joining(", "));
        MethodHandler playback = new PlaybackHandler(lookup, engine, bandwidth, instantOn);
        MethodHandler parameters = new ParameterHandler(lookup);
        handlers.put(RtspMethod.OPTIONS, new OptionsHandler(lookup, publicMethods));
        handlers.put(RtspMethod.DESCRIBE, new DescribeHandler(paths, setup.multicast(), rtx));
        handlers.put(RtspMethod.SETUP, setup);
        handlers.put(RtspMethod.PLAY, playback);
        handlers.put(RtspMethod.PAUSE, playback);
        handlers.put(RtspMethod.TEARDOWN, playback);
        handlers.put(RtspMethod.GET_PARAMETER, parameters);
        handlers.put(RtspMethod.SET_PARAMETER, parameters);
        publishing = new PublishHandler(publishers, announcements, publishingPorts, publicMethods);
        handlers.put(RtspMethod.ANNOUNCE, publishing);
        handlers.put(RtspMethod.RECORD, publishing);
        publishers.onPublisherEnded(ended -> announcements.forget(ended.presentationPath(),
                (RtspConnection) ended.origin().owner()));
    }

    /** New UDP sessions use this RTP port pair from now on. */
    public void udp(UdpEndpoint endpoint) {
        setup.udp(endpoint);
    }

    /** Where multicast SETUPs of running streams get their group; without it they get 461. */
    public void multicastGroups(MulticastGroups groups) {
        setup.multicastGroups(groups);
    }

    /**
     * The live paths served only by multicast, from the next request on (comma-separated prefixes).
     *
     * @throws IllegalArgumentException naming a malformed entry
     */
    public void multicastOnlyPaths(String prefixes) {
        setup.multicast().onlyPaths(MulticastOnlyPaths.parse(prefixes));
    }

    /** Who decides whether a DESCRIBE is served here or redirected to another server (a cluster's entry). */
    public void entryRedirect(EntryRedirect redirect) {
        this.entryRedirect = redirect == null ? EntryRedirect.NONE : redirect;
    }

    /** Whether a new ANNOUNCE on a path being published ends the running broadcast (else 455). */
    public void liveTakeover(boolean allowed) {
        publishing.takeover(allowed);
    }

    /** Instant-on for new file PLAYs: seconds sent ahead and how much faster than real time. */
    public void instantOn(int seconds, int multiple) {
        instantOn.settings(seconds, multiple);
    }

    /** Thinning under congestion for the UDP video tracks of new sessions. */
    public void thinning(ThinningSettings settings) {
        setup.thinning(settings);
    }

    /** What retransmission (RFC 4588) DESCRIBE offers and new sessions get; zero bandwidth share: none. */
    public void retransmission(RtxLimits limits) {
        rtx.limits(limits);
    }

    /** Which players DESCRIBE offers retransmission to: words of their User-Agent, comma-separated, or "all". */
    public void retransmissionPlayers(String list) {
        rtx.players(list);
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
        sessions.closeBoundTo(connection, "connection closed");
        publishers.closeBoundTo(connection, "connection closed");
        announcements.forgetAll(connection);
        RequestHandler http = plainHttp;
        if (http != null) {
            http.connectionClosed(connection);
        }
    }

    @Override
    public boolean carriesSession(RtspConnection connection) {
        return sessions.anyBoundToOrFrom(connection, connection.remoteAddress())
                || publishers.all().stream().anyMatch(p -> p.isBoundTo(connection));
    }

    @Override
    public Reply handle(RtspRequest request, RtspConnection connection) {
        String cseq = request.cseq();
        if (request.version().startsWith("HTTP/")) {
            RequestHandler http = plainHttp;
            return http == null || HttpTunnels.isTunnelHalf(request) ? tunnels.handle(request, connection)
                    : http.handle(request, connection);
        }
        if (!"RTSP/1.0".equals(request.version())) {
            LOG.info(connection.logPrefix() + "version " + request.version() + " is not supported; answering 505");
            return Reply.of(Refusals.answer(RtspStatus.VERSION_NOT_SUPPORTED, cseq));
        }
        if (cseq == null || !cseq.trim().matches("\\d{1,10}")) {
            LOG.info(connection.logPrefix() + request.methodToken() + " without a valid CSeq; answering 400");
            return Reply.of(Refusals.answer(RtspStatus.BAD_REQUEST, null));
        }
        if (request.headers().getAll("CSeq").stream().map(String::trim).distinct().count() > 1) {
            // Which one would the client match the answer to? Neither: refuse rather than guess.
            LOG.warning(connection.logPrefix() + request.methodToken() + " with two different CSeq values; answering 400");
            return Reply.of(Refusals.answer(RtspStatus.BAD_REQUEST, null));
        }
        RtspMethod method = request.method();
        MethodHandler handler = handlers.get(method);
        if (handler == null) {
            LOG.info(connection.logPrefix() + request.methodToken() + " is not implemented; answering 501");
            return Reply.of(Refusals.answer(RtspStatus.NOT_IMPLEMENTED, cseq).header("Public", publicMethods));
        }
        boolean records = method == RtspMethod.SETUP && TransportNegotiation.offersRecord(request);
        if (records || WRITE_METHODS.contains(method)
                || (method != RtspMethod.DESCRIBE && publishing.named(request) != null)) {
            handler = publishing; // a broadcast: its ANNOUNCE, SETUPs, RECORD and what names its session
        }
        AccessAction action = records || WRITE_METHODS.contains(method) ? AccessAction.WRITE
                : READ_METHODS.contains(method) && handler != publishing ? AccessAction.READ : null;
        MethodContext context;
        if (action == null) {
            context = new MethodContext(request, connection, new Requester(connection.responseTarget(),
                    connection.remoteAddress().getAddress(),
                    presentation -> authenticatedUser(request, connection, presentation)), null, null);
        } else {
            Target target;
            try {
                target = paths.target(request.uri());
            } catch (RefusedException e) {
                Refusal refusal = e.refusal();
                LOG.warning(connection.logPrefix() + "refused " + request.methodToken() + " "
                        + MediaPaths.printable(request.uri()) + ": " + refusal.why() + "; answering " + refusal.code());
                return refused(refusal, request, connection);
            }
            if (method == RtspMethod.DESCRIBE) {
                String location = entryRedirect.locationFor(target.canonical().path(), request.uri(),
                        request.header("User-Agent"));
                if (location != null) {
                    LOG.info(connection.logPrefix() + "DESCRIBE " + MediaPaths.printable(request.uri())
                            + " redirected to " + location + "; answering 302");
                    return Reply.of(Refusals.answer(RtspStatus.MOVED_TEMPORARILY, cseq).header("Location", location));
                }
            }
            Credentials credentials;
            try {
                credentials = AuthorizationReader.read(request.header("Authorization"), request.methodToken());
            } catch (IllegalArgumentException e) {
                // A malformed Authorization header: answered 400 before any access decision.
                LOG.warning(connection.logPrefix() + e.getMessage() + "; answering 400");
                return Reply.of(Refusals.answer(RtspStatus.BAD_REQUEST, cseq));
            }
            Verdict verdict = check(request, connection, action, target.canonical().accessPath(action), credentials);
            if (verdict.kind() != Verdict.Kind.ALLOWED) {
                Refusal refusal = Refusals.ofVerdict(verdict, false);
                LOG.log(refusal.level(), connection.logPrefix() + Refusals.accessLogLine(verdict, request.methodToken(),
                        target.presentation(), connection.remoteAddress().getAddress().getHostAddress()));
                return refused(refusal, request, connection);
            }
            context = new MethodContext(request, connection, SessionLookup.requester(connection, verdict.user()),
                    target, verdict.user());
        }
        try {
            return handler.handle(context);
        } catch (RefusedException e) {
            Refusal refusal = e.refusal();
            LOG.log(refusal.level(), connection.logPrefix() + request.methodToken() + " " + request.uri() + ": "
                    + refusal.why() + "; answering " + refusal.code());
            Reply reply = refused(refusal, request, connection);
            e.headers().forEach(reply.response()::header);
            return reply;
        }
    }

    /** Tells the access log, and answers; a 501 lists what is implemented. */
    private Reply refused(Refusal refusal, RtspRequest request, RtspConnection connection) {
        refusals.refused(request, connection, refusal.status(), refusal.why());
        Reply reply = Refusals.rtsp(refusal, request.cseq());
        if (refusal.status() == RtspStatus.NOT_IMPLEMENTED) {
            reply.response().header("Public", publicMethods);
        }
        return reply;
    }

    /** @param path the canonical path the question is about */
    private Verdict check(RtspRequest request, RtspConnection connection, AccessAction action, String path,
                          Credentials credentials) {
        String client = connection.remoteAddress().getAddress().getHostAddress();
        String protocol = connection.responseTarget() != connection ? "rtsp-http"
                : connection.secure() ? "rtsps" : "rtsp";
        return accessGuard.check(new AccessRequest(protocol, action, path, client, request.header("User-Agent"),
                credentials), request.uri());
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
        Verdict verdict = check(request, connection, AccessAction.READ, presentation, credentials);
        return verdict.kind() == Verdict.Kind.ALLOWED ? verdict.user() : null;
    }
}
