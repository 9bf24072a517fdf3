package org.tributary.server;

import org.tributary.catalog.CanonicalPath;
import org.tributary.catalog.MediaCatalog;
import org.tributary.stream.PathRegistry;
import org.tributary.engine.StreamingEngine;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.header.ChannelRange;
import org.tributary.rtsp.header.HeaderParseException;
import org.tributary.rtsp.header.PortRange;
import org.tributary.rtsp.header.Range;
import org.tributary.rtsp.header.RtpInfo;
import org.tributary.rtsp.header.RtpInfoEntry;
import org.tributary.rtsp.header.Session;
import org.tributary.rtsp.header.Transport;
import org.tributary.rtsp.header.TransportSpec;
import org.tributary.session.OncePerPeriod;
import org.tributary.session.Requester;
import org.tributary.session.RtspSession;
import org.tributary.session.SessionLimitException;
import org.tributary.session.SessionRegistry;
import org.tributary.session.SessionState;
import org.tributary.session.TrackOutput;
import org.tributary.session.TrafficMeter;
import org.tributary.source.MediaSource;
import org.tributary.source.UnsupportedMediaException;
import org.tributary.transport.InterleavedRtpChannel;
import org.tributary.transport.RtpChannel;
import org.tributary.transport.UdpEndpoint;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER and SET_PARAMETER on stored presentations
 * (RFC 2326 §10). Every failure becomes one specific status with a log line that says why.
 */
final class PlaybackMethods {

    private static final Logger LOG = Logger.getLogger(PlaybackMethods.class.getName());

    private final PathRegistry paths;
    private final SessionRegistry sessions;
    private final StreamingEngine engine;
    /** Replaced when the RTP port pair is rebound at startup; a session keeps the endpoint it was set up on. */
    private volatile UdpEndpoint udp;
    private final TrafficMeter meter;
    private final BandwidthLimit bandwidth;
    /** A client hammering the per-address limit is logged once a minute, not once per SETUP. */
    private final OncePerPeriod<InetAddress> limitLog = new OncePerPeriod<>(60);

    PlaybackMethods(PathRegistry paths, SessionRegistry sessions, StreamingEngine engine, UdpEndpoint udp,
                    TrafficMeter meter, BandwidthLimit bandwidth) {
        this.paths = paths;
        this.sessions = sessions;
        this.engine = engine;
        this.udp = udp;
        this.meter = meter;
        this.bandwidth = bandwidth;
    }

    void udp(UdpEndpoint endpoint) {
        this.udp = endpoint;
    }

    /** A failure with the status it is answered with, and the level its log line is written at. */
    static final class Refusal extends Exception {
        final RtspStatus status;
        final Level level;

        Refusal(RtspStatus status, String why) {
            this(status, why, Level.INFO);
        }

        /** @param level WARNING for hostile input; FINE when the reason was logged recently */
        Refusal(RtspStatus status, String why, Level level) {
            super(why);
            this.status = status;
            this.level = level;
        }
    }

    /**
     * A request path split into the presentation and, for SETUP, the track it names; the presentation is
     * the catalogue's canonical path, the one access is decided on and the file is looked up by.
     */
    record Target(CanonicalPath canonical, int track) {
        String presentation() {
            return canonical.path();
        }

        /**
         * @param path the decoded request path
         * @throws Refusal 400 for a malformed path, 403 for one leading out of the media folder
         */
        static Target of(String path, PathRegistry paths) throws Refusal {
            int slash = path.lastIndexOf('/');
            String last = path.substring(slash + 1);
            String presentation = path;
            int track = -1;
            if (slash > 0 && last.toLowerCase(Locale.ROOT).startsWith("trackid=")) {
                presentation = path.substring(0, slash);
                try {
                    track = Integer.parseInt(last.substring(8)) - 1;
                } catch (NumberFormatException e) {
                    track = -2;
                }
            }
            try {
                return new Target(paths.canonical(presentation), track);
            } catch (MediaCatalog.MalformedPathException e) {
                throw new Refusal(RtspStatus.BAD_REQUEST, e.getMessage());
            } catch (MediaCatalog.MediaForbiddenException e) {
                throw new Refusal(RtspStatus.FORBIDDEN, e.getMessage());
            }
        }
    }

    /**
     * The target's source as the path registry resolves it (a file, or a running stream). A target that named nothing when access was decided is missing, even if a file
     * appeared since: its decision was about the nearest existing folder, not about that file.
     */
    MediaSource source(Target target) throws Refusal {
        try {
            return paths.resolve(target.canonical()).source();
        } catch (MediaCatalog.MediaNotFoundException e) {
            throw new Refusal(RtspStatus.NOT_FOUND, e.getMessage());
        } catch (MediaCatalog.MediaForbiddenException e) {
            throw new Refusal(RtspStatus.FORBIDDEN, e.getMessage());
        } catch (UnsupportedMediaException e) {
            throw new Refusal(RtspStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        }
    }

    RtspResponse describe(RtspRequest request, RtspConnection connection, Target target) throws Refusal {
        if (target.track() != -1) {
            throw new Refusal(RtspStatus.NOT_FOUND, "DESCRIBE names a track of " + target.presentation()
                    + ", not a presentation");
        }
        MediaSource source = source(target);
        String serverAddress = connection.localAddress().getAddress().getHostAddress();
        byte[] sdp = SdpBuilder.describe(source, serverAddress).getBytes(StandardCharsets.UTF_8);
        String base = request.uri().endsWith("/") ? request.uri() : request.uri() + "/";
        return ok(request).header("Content-Base", base).header("Cache-Control", "must-revalidate")
                .body("application/sdp", sdp);
    }

    /** @param user the user the access check authenticated, or null */
    RtspResponse setup(RtspRequest request, RtspConnection connection, Target target, String user) throws Refusal {
        RtspSession session = existingSession(request, false, requester(connection, user));
        MediaSource source = session != null ? session.source() : source(target);
        if (session != null && !session.presentationPath().equals(target.presentation())) {
            throw new Refusal(RtspStatus.AGGREGATE_OPERATION_NOT_ALLOWED, "session " + session.id() + " plays "
                    + session.presentationPath() + ", not " + target.presentation());
        }
        int track = target.track() == -1 && source.tracks().size() == 1 ? 0 : target.track();
        if (track < 0 || track >= source.tracks().size()) {
            throw new Refusal(RtspStatus.NOT_FOUND, "no track " + (target.track() < 0 ? "named" : target.track() + 1)
                    + " in " + target.presentation() + " (" + source.tracks().size() + " tracks)");
        }
        TransportSpec spec = chooseTransport(request);
        ChannelRange channels = spec.interleaved() != null ? spec.interleaved() : ChannelRange.of(2 * track);
        if (spec.isTcp()) { // checked before a session is created for a SETUP that will be refused
            refuseUnusableChannels(channels, connection.responseTarget(), session, track);
        }
        boolean created = false;
        if (session == null) {
            refuseWithoutBandwidth(source);
            session = createSession(request, connection, target.presentation(), source, user);
            session.origin(request.uri(), connection.localAddress());
            created = true;
        }
        if (session.state() == SessionState.PLAYING) {
            throw new Refusal(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "SETUP while playing");
        }
        String cname = "tributary@" + connection.localAddress().getAddress().getHostAddress();
        int clockRate = source.tracks().get(track).clockRate();
        TrackOutput output;
        String transport;
        if (spec.isTcp()) {
            RtspConnection carrier = connection.responseTarget();
            int rtcpChannel = channels.rtcpChannel();
            boolean tunnel = carrier != connection;
            RtpChannel channel = new InterleavedRtpChannel(carrier, channels.first(), rtcpChannel, tunnel ? "http" : "tcp");
            output = new TrackOutput(track, clockRate, channel, cname, meter);
            TrackOutput receiving = output;
            RtspSession owner = session;
            connection.onChannel(rtcpChannel, packet -> {
                owner.touch();
                receiving.rtcpReceived(ByteBuffer.wrap(packet));
            });
            session.bindTo(carrier);
            transport = "RTP/AVP/TCP;unicast;interleaved=" + channels.first() + "-" + rtcpChannel
                    + ";ssrc=" + hex(output.ssrc());
        } else {
            PortRange ports = spec.clientPort();
            int rtcpPort = ports.isSingle() ? ports.first() + 1 : ports.last();
            if (rtcpPort > 65535) {
                throw new Refusal(RtspStatus.UNSUPPORTED_TRANSPORT, "client_port=" + ports.first()
                        + " leaves no port for RTCP", Level.WARNING);
            }
            InetSocketAddress clientRtp = new InetSocketAddress(connection.remoteAddress().getAddress(), ports.first());
            InetSocketAddress clientRtcp = new InetSocketAddress(connection.remoteAddress().getAddress(), rtcpPort);
            TrackOutput[] receiving = new TrackOutput[1];
            RtspSession owner = session;
            output = new TrackOutput(track, clockRate, udp.channelTo(clientRtp, clientRtcp, packet -> {
                owner.touch();
                receiving[0].rtcpReceived(packet);
            }), cname, meter);
            receiving[0] = output;
            transport = "RTP/AVP;unicast;client_port=" + ports.first() + "-" + rtcpPort + ";server_port="
                    + udp.rtpPort() + "-" + udp.rtcpPort() + ";ssrc=" + hex(output.ssrc());
        }
        try {
            session.setUp(output);
        } catch (IllegalStateException e) {
            throw new Refusal(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "SETUP while playing");
        }
        if (created) {
            LOG.info(session.logPrefix() + "created for " + connection.remoteAddress().getAddress().getHostAddress()
                    + ": " + target.presentation() + " (" + (request.header("User-Agent") == null ? "no User-Agent"
                    : request.header("User-Agent")) + ")");
        }
        return ok(request).header("Transport", transport).header("Session", sessionHeader(session));
    }

    private RtspSession createSession(RtspRequest request, RtspConnection connection, String presentation,
                                      MediaSource source, String user) throws Refusal {
        try {
            return sessions.create(presentation, source, connection.remoteAddress(), request.header("User-Agent"),
                    user, connection.responseTarget());
        } catch (SessionLimitException e) {
            Level level = !e.perAddress() ? Level.INFO
                    : limitLog.shouldLog(connection.remoteAddress().getAddress()) ? Level.WARNING : Level.FINE;
            String why = e.perAddress() ? e.getMessage() + " (further refusals of this address are logged at most"
                    + " once a minute)" : e.getMessage();
            throw new Refusal(RtspStatus.NOT_ENOUGH_BANDWIDTH, why, level);
        }
    }

    /**
     * Interleaved channels must leave room for RTCP (a single 255 would put RTCP on channel 0, another
     * track's RTP) and must not be those of another track on the same connection.
     *
     * @param session the session being set up, or null when the SETUP would create one
     */
    private void refuseUnusableChannels(ChannelRange channels, RtspConnection carrier, RtspSession session, int track)
            throws Refusal {
        if (!channels.leavesRoomForRtcp()) {
            throw new Refusal(RtspStatus.UNSUPPORTED_TRANSPORT, "interleaved=" + channels.format()
                    + " leaves no channel for RTCP (channels end at 255)", Level.WARNING);
        }
        for (RtspSession other : sessions.boundTo(carrier)) {
            for (TrackOutput output : other.outputs()) {
                if (other == session && output.trackIndex() == track) {
                    continue; // the track being set up again gives its channels up
                }
                if (output.channel() instanceof InterleavedRtpChannel used
                        && channels.sharesChannelWith(new ChannelRange(used.rtpChannel(), used.rtcpChannel()))) {
                    throw new Refusal(RtspStatus.UNSUPPORTED_TRANSPORT, "interleaved=" + channels.format()
                            + " is already used by track " + (output.trackIndex() + 1) + " of session " + other.id()
                            + " on this connection", Level.WARNING);
                }
            }
        }
    }

    private static TransportSpec chooseTransport(RtspRequest request) throws Refusal {
        String header = request.header("Transport");
        if (header == null) {
            throw new Refusal(RtspStatus.BAD_REQUEST, "SETUP without a Transport header");
        }
        Transport offered;
        try {
            offered = Transport.parse(header);
        } catch (HeaderParseException e) {
            throw new Refusal(e.statusCode() == 461 ? RtspStatus.UNSUPPORTED_TRANSPORT : RtspStatus.BAD_REQUEST,
                    e.getMessage());
        }
        for (TransportSpec spec : offered.specs()) {
            if (!spec.isRtp() || spec.isMulticast() || spec.effectiveMode() != org.tributary.rtsp.header.TransportMode.PLAY) {
                continue;
            }
            if (spec.isTcp() || (spec.isUdp() && spec.clientPort() != null)) {
                return spec;
            }
        }
        throw new Refusal(RtspStatus.UNSUPPORTED_TRANSPORT, "no offered transport is RTP over unicast UDP "
                + "(with client_port) or TCP: " + header);
    }

    RtspResponse play(RtspRequest request, Target target, Requester requester) throws Refusal {
        RtspSession session = existingSession(request, true, requester);
        if (target.track() != -1) {
            throw new Refusal(RtspStatus.ONLY_AGGREGATE_OPERATION_ALLOWED, "PLAY of a single track of "
                    + target.presentation());
        }
        // Access was decided on the path PLAY names: it must be the session's presentation.
        if (!session.presentationPath().equals(target.presentation())) {
            throw new Refusal(RtspStatus.AGGREGATE_OPERATION_NOT_ALLOWED, "session " + session.id() + " plays "
                    + session.presentationPath() + ", not " + target.presentation());
        }
        if (!session.hasTracks()) {
            throw new Refusal(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "PLAY before any SETUP");
        }
        if (session.state() != SessionState.PLAYING) {
            refuseWithoutBandwidth(session.source());
        }
        Double start = null;
        Double end = null;
        String rangeHeader = request.header("Range");
        if (rangeHeader != null) {
            Range range;
            try {
                range = Range.parse(rangeHeader);
            } catch (HeaderParseException e) {
                throw new Refusal(RtspStatus.BAD_REQUEST, e.getMessage());
            }
            if (!range.isNpt() || range.startsNow()) {
                throw new Refusal(RtspStatus.INVALID_RANGE, "only npt ranges can be played from a file: " + rangeHeader);
            }
            start = range.startOrZero();
            end = range.end();
            double duration = session.source().durationSeconds();
            if (start > duration || (end != null && end < start)) {
                throw new Refusal(RtspStatus.INVALID_RANGE, "range " + rangeHeader + " is outside 0-"
                        + String.format(Locale.ROOT, "%.3f", duration));
            }
        }
        RtspSession.PlayStart play;
        try {
            play = session.play(start, end, engine);
        } catch (IOException e) {
            throw new Refusal(RtspStatus.INTERNAL_SERVER_ERROR, "cannot read " + session.presentationPath() + ": "
                    + e.getMessage());
        }
        String base = request.uri().endsWith("/") ? request.uri() : request.uri() + "/";
        List<RtpInfoEntry> entries = new ArrayList<>();
        for (RtspSession.TrackStart t : play.tracks()) {
            entries.add(new RtpInfoEntry(base + session.source().tracks().get(t.trackIndex()).control(),
                    t.sequence(), t.rtpTime()));
        }
        RtspResponse response = ok(request).header("Session", sessionHeader(session))
                .header("Range", Range.npt(play.startSeconds(), Double.isInfinite(play.endSeconds())
                        ? null : play.endSeconds()).format())
                .header("RTP-Info", new RtpInfo(entries).format());
        return response.afterSent(() -> session.startStreaming(engine));
    }

    RtspResponse pause(RtspRequest request, Requester requester) throws Refusal {
        RtspSession session = existingSession(request, true, requester);
        double at = session.pause();
        return ok(request).header("Session", sessionHeader(session))
                .header("Range", Range.npt(at, null).format());
    }

    RtspResponse teardown(RtspRequest request, Requester requester) throws Refusal {
        RtspSession session = existingSession(request, true, requester);
        session.close("teardown");
        return ok(request).header("Session", session.id());
    }

    /** GET_PARAMETER and SET_PARAMETER: keep-alives; no parameters are defined yet. */
    RtspResponse parameter(RtspRequest request, Requester requester) throws Refusal {
        RtspSession session = existingSession(request, false, requester);
        RtspResponse response = ok(request);
        if (session != null) {
            response.header("Session", sessionHeader(session));
        }
        if (request.body().length > 0 && request.method() == org.tributary.rtsp.RtspMethod.SET_PARAMETER) {
            throw new Refusal(RtspStatus.PARAMETER_NOT_UNDERSTOOD, "no settable parameters");
        }
        return response;
    }

    /**
     * OPTIONS naming a session is a common keep-alive: it keeps the requester's own session alive; naming a
     * session that is not the requester's gets 454 like any other method.
     */
    void keepAlive(RtspRequest request, Requester requester) throws Refusal {
        String header = request.header("Session");
        if (header != null) {
            try {
                Session.parse(header);
            } catch (HeaderParseException e) {
                return; // a malformed Session header on OPTIONS is simply ignored
            }
            existingSession(request, false, requester);
        }
    }

    /** The requester for a request whose user is already known (the access check authenticated it, or none). */
    static Requester requester(RtspConnection connection, String user) {
        return Requester.of(connection.responseTarget(), connection.remoteAddress().getAddress(), user);
    }

    /**
     * The session the request names (kept alive by it), or null when it names none; 454 when the session
     * does not exist or is not the requester's (the same answer, so ids cannot be probed).
     */
    private RtspSession existingSession(RtspRequest request, boolean required, Requester requester) throws Refusal {
        String header = request.header("Session");
        if (header == null) {
            if (required) {
                throw new Refusal(RtspStatus.SESSION_NOT_FOUND, request.methodToken() + " without a Session header");
            }
            return null;
        }
        String id;
        try {
            id = Session.parse(header).id();
        } catch (HeaderParseException e) {
            throw new Refusal(RtspStatus.BAD_REQUEST, e.getMessage());
        }
        RtspSession session = sessions.get(id);
        if (session == null) {
            throw new Refusal(RtspStatus.SESSION_NOT_FOUND, "no session '" + id + "' (ended or never created)");
        }
        if (!session.belongsTo(requester)) {
            throw new Refusal(RtspStatus.SESSION_NOT_FOUND, "session '" + id + "' is not this client's (set up by "
                    + session.client().getAddress().getHostAddress() + (session.userName() == null ? ""
                    : " as user '" + session.userName() + "'") + " on another connection); refused for "
                    + requester.address().getHostAddress(), Level.WARNING);
        }
        session.touch();
        return session;
    }

    private void refuseWithoutBandwidth(MediaSource source) throws Refusal {
        String why = bandwidth.refusal(source);
        if (why != null) {
            throw new Refusal(RtspStatus.NOT_ENOUGH_BANDWIDTH, why);
        }
    }

    private String sessionHeader(RtspSession session) {
        return session.id() + ";timeout=" + session.timeoutSeconds();
    }

    private static RtspResponse ok(RtspRequest request) {
        return RtspMethodHandler.answer(RtspStatus.OK, request.cseq());
    }

    private static String hex(long ssrc) {
        return String.format("%08X", ssrc);
    }

    boolean carriesSession(RtspConnection connection) {
        return sessions.anyBoundToOrFrom(connection, connection.remoteAddress());
    }

    /** The server is going away, or an interleaved connection closed: end the sessions it carried. */
    void connectionClosed(RtspConnection connection) {
        sessions.closeBoundTo(connection, "connection closed");
    }
}
