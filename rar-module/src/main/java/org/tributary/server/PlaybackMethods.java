package org.tributary.server;

import org.tributary.catalog.MediaCatalog;
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
import org.tributary.session.RtspSession;
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
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER and SET_PARAMETER on stored presentations
 * (RFC 2326 §10). Every failure becomes one specific status with a log line that says why.
 */
final class PlaybackMethods {

    private static final Logger LOG = Logger.getLogger(PlaybackMethods.class.getName());

    private final MediaCatalog catalog;
    private final SessionRegistry sessions;
    private final StreamingEngine engine;
    /** Replaced when the RTP port pair is rebound at startup; a session keeps the endpoint it was set up on. */
    private volatile UdpEndpoint udp;
    private final TrafficMeter meter;
    private final BandwidthLimit bandwidth;

    PlaybackMethods(MediaCatalog catalog, SessionRegistry sessions, StreamingEngine engine, UdpEndpoint udp,
                    TrafficMeter meter, BandwidthLimit bandwidth) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.engine = engine;
        this.udp = udp;
        this.meter = meter;
        this.bandwidth = bandwidth;
    }

    void udp(UdpEndpoint endpoint) {
        this.udp = endpoint;
    }

    /** A failure with the status it is answered with. */
    static final class Refusal extends Exception {
        final RtspStatus status;

        Refusal(RtspStatus status, String why) {
            super(why);
            this.status = status;
        }
    }

    /** A request path split into the presentation and, for SETUP, the track it names. */
    record Target(String presentation, int track) {
        static Target of(String path) {
            int slash = path.lastIndexOf('/');
            String last = path.substring(slash + 1);
            if (slash > 0 && last.toLowerCase(Locale.ROOT).startsWith("trackid=")) {
                try {
                    return new Target(path.substring(0, slash), Integer.parseInt(last.substring(8)) - 1);
                } catch (NumberFormatException e) {
                    return new Target(path.substring(0, slash), -2);
                }
            }
            return new Target(path, -1);
        }
    }

    MediaSource source(String presentation) throws Refusal {
        try {
            return catalog.source(presentation);
        } catch (MediaCatalog.MediaNotFoundException e) {
            throw new Refusal(RtspStatus.NOT_FOUND, e.getMessage());
        } catch (MediaCatalog.MediaForbiddenException e) {
            throw new Refusal(RtspStatus.FORBIDDEN, e.getMessage());
        } catch (UnsupportedMediaException e) {
            throw new Refusal(RtspStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        }
    }

    RtspResponse describe(RtspRequest request, RtspConnection connection, String path) throws Refusal {
        Target target = Target.of(path);
        if (target.track() != -1) {
            throw new Refusal(RtspStatus.NOT_FOUND, "DESCRIBE names a track (" + path + "), not a presentation");
        }
        MediaSource source = source(target.presentation());
        String serverAddress = connection.localAddress().getAddress().getHostAddress();
        byte[] sdp = SdpBuilder.describe(source, serverAddress).getBytes(StandardCharsets.UTF_8);
        String base = request.uri().endsWith("/") ? request.uri() : request.uri() + "/";
        return ok(request).header("Content-Base", base).header("Cache-Control", "must-revalidate")
                .body("application/sdp", sdp);
    }

    /** @param user the user the access check authenticated, or null */
    RtspResponse setup(RtspRequest request, RtspConnection connection, String path, String user) throws Refusal {
        Target target = Target.of(path);
        RtspSession session = existingSession(request, false);
        MediaSource source = session != null ? session.source() : source(target.presentation());
        if (session != null && !session.presentationPath().equals(target.presentation())) {
            throw new Refusal(RtspStatus.AGGREGATE_OPERATION_NOT_ALLOWED, "session " + session.id() + " plays "
                    + session.presentationPath() + ", not " + target.presentation());
        }
        int track = target.track() == -1 && source.tracks().size() == 1 ? 0 : target.track();
        if (track < 0 || track >= source.tracks().size()) {
            throw new Refusal(RtspStatus.NOT_FOUND, "no track '" + path + "' (" + source.tracks().size() + " tracks)");
        }
        TransportSpec spec = chooseTransport(request);
        boolean created = false;
        if (session == null) {
            refuseWithoutBandwidth(source);
            session = sessions.create(target.presentation(), source, connection.remoteAddress(),
                    request.header("User-Agent"), user);
            if (session == null) {
                throw new Refusal(RtspStatus.NOT_ENOUGH_BANDWIDTH, "the session limit is reached");
            }
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
            ChannelRange channels = spec.interleaved() != null ? spec.interleaved() : ChannelRange.of(2 * track);
            int rtcpChannel = channels.isSingle() ? channels.first() + 1 : channels.last();
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

    RtspResponse play(RtspRequest request, String path) throws Refusal {
        RtspSession session = existingSession(request, true);
        Target target = Target.of(path);
        if (target.track() != -1) {
            throw new Refusal(RtspStatus.ONLY_AGGREGATE_OPERATION_ALLOWED, "PLAY of a single track (" + path + ")");
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

    RtspResponse pause(RtspRequest request) throws Refusal {
        RtspSession session = existingSession(request, true);
        double at = session.pause();
        return ok(request).header("Session", sessionHeader(session))
                .header("Range", Range.npt(at, null).format());
    }

    RtspResponse teardown(RtspRequest request) throws Refusal {
        RtspSession session = existingSession(request, true);
        session.close("teardown");
        return ok(request).header("Session", session.id());
    }

    /** GET_PARAMETER and SET_PARAMETER: keep-alives; no parameters are defined yet. */
    RtspResponse parameter(RtspRequest request) throws Refusal {
        RtspSession session = existingSession(request, false);
        RtspResponse response = ok(request);
        if (session != null) {
            response.header("Session", sessionHeader(session));
        }
        if (request.body().length > 0 && request.method() == org.tributary.rtsp.RtspMethod.SET_PARAMETER) {
            throw new Refusal(RtspStatus.PARAMETER_NOT_UNDERSTOOD, "no settable parameters");
        }
        return response;
    }

    /** Any request naming a live session keeps it alive (OPTIONS is a common keep-alive). */
    void touchSession(RtspRequest request) {
        String header = request.header("Session");
        if (header != null) {
            try {
                RtspSession session = sessions.get(Session.parse(header).id());
                if (session != null) {
                    session.touch();
                }
            } catch (HeaderParseException e) {
                // a malformed Session header on OPTIONS is simply ignored
            }
        }
    }

    /** The session the request names (kept alive by it), or null / 454 when it names none. */
    private RtspSession existingSession(RtspRequest request, boolean required) throws Refusal {
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
