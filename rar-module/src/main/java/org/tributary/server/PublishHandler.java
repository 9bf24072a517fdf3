package org.tributary.server;

import org.tributary.catalog.MediaCatalog;
import org.tributary.rtsp.RtspMethod;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.header.ChannelRange;
import org.tributary.rtsp.header.HeaderParseException;
import org.tributary.rtsp.header.PortRange;
import org.tributary.rtsp.header.Session;
import org.tributary.rtsp.header.TransportSpec;
import org.tributary.session.PublisherOrigin;
import org.tributary.session.PublisherSession;
import org.tributary.session.Publishers;
import org.tributary.stream.AnnouncedPresentation;
import org.tributary.transport.ReceivePortPairs;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishing a live stream (RFC 2326 §10.3, §10.4, §10.11), as ffmpeg, GStreamer's rtspclientsink and Darwin's
 * broadcasters do it: ANNOUNCE with the SDP, one SETUP with {@code mode=record} per track (RTP interleaved on
 * the connection, or over UDP to the server's RTP port), then RECORD. Access was decided as a write. Also
 * answers the requests that name a publisher session (keep-alives, TEARDOWN).
 */
final class PublishHandler implements MethodHandler {

    private static final Logger LOG = Logger.getLogger(PublishHandler.class.getName());

    private final Publishers publishers;
    private final Announcements announcements;
    private final String publicMethods;
    private final ReceivePortPairs udpPorts;
    private volatile boolean takeover;
    /** The Session timeout a publisher is told; it keeps the session alive with requests until it records. */
    private static final int SESSION_TIMEOUT_SECONDS = 60;

    /** @param udpPorts where publishers sending over UDP get their server ports */
    PublishHandler(Publishers publishers, Announcements announcements, ReceivePortPairs udpPorts,
                   String publicMethods) {
        this.publishers = publishers;
        this.announcements = announcements;
        this.udpPorts = udpPorts;
        this.publicMethods = publicMethods;
    }

    /** Whether a new ANNOUNCE on a path being published ends the running broadcast. */
    void takeover(boolean allowed) {
        this.takeover = allowed;
    }

    /** The publisher session a request's Session header names, or null when it names none. */
    PublisherSession named(RtspRequest request) {
        String header = request.header("Session");
        if (header == null) {
            return null;
        }
        try {
            return publishers.get(Session.parse(header).id());
        } catch (HeaderParseException e) {
            return null;
        }
    }

    @Override
    public Reply handle(MethodContext context) throws RefusedException {
        RtspMethod method = context.request().method();
        if (method == RtspMethod.ANNOUNCE) {
            return announce(context);
        }
        if (method == RtspMethod.SETUP) {
            return setUp(context);
        }
        PublisherSession session = existing(context, true);
        session.touch();
        return switch (method) {
            case RECORD -> record(context, session);
            case TEARDOWN -> {
                session.close("teardown");
                yield Reply.of(Refusals.answer(RtspStatus.OK, context.cseq()));
            }
            case OPTIONS -> Reply.of(ok(context, session).header("Public", publicMethods));
            case GET_PARAMETER, SET_PARAMETER -> Reply.of(ok(context, session));
            default -> throw refusal(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, context.request().methodToken()
                    + " on publisher session " + session.id() + " (it records " + session.presentationPath() + ")");
        };
    }

    private Reply announce(MethodContext context) throws RefusedException {
        RtspRequest request = context.request();
        Target target = context.target();
        String path = target.presentation();
        String type = request.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/sdp")) {
            throw refusal(RtspStatus.UNSUPPORTED_MEDIA_TYPE, "ANNOUNCE of " + path + " must carry an application/sdp"
                    + " body, not " + (type == null ? "none" : type));
        }
        AnnouncedPresentation presentation;
        try {
            presentation = AnnouncedPresentation.parse(new String(request.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw refusal(RtspStatus.BAD_REQUEST, "the SDP announced for " + path + " is not usable: " + e.getMessage());
        }
        if (target.canonical().exists()) {
            throw refusal(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, path + " is a media file; publish to a path"
                    + " where no file is");
        }
        if (publishers.maxPublishers() == 0) {
            throw refusal(RtspStatus.SERVICE_UNAVAILABLE, "publishing is switched off (maxPublishers is 0)");
        }
        RtspConnection owner = context.connection().responseTarget();
        PublisherSession running = runningAt(path);
        if (running != null && !running.isBoundTo(owner)) {
            if (!takeover) {
                throw refusal(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "a broadcaster ("
                        + running.client().getAddress().getHostAddress() + ", session " + running.id()
                        + ") is already publishing " + path);
            }
            running.evict("taken over by " + context.connection().remoteAddress().getAddress().getHostAddress());
            announcements.forget(path, (RtspConnection) running.origin().owner());
        }
        Announcements.Announcement holder;
        try {
            holder = announcements.announce(path, presentation, owner);
        } catch (IllegalStateException e) {
            throw refusal(RtspStatus.NOT_ENOUGH_BANDWIDTH, e.getMessage());
        }
        if (holder != null) {
            throw refusal(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, path + " is already announced by another"
                    + " broadcaster (" + holder.owner().remoteAddress().getAddress().getHostAddress() + ")");
        }
        LOG.info(context.connection().logPrefix() + "ANNOUNCE " + path + ": " + presentation.tracks().size()
                + " tracks (" + presentation.codecs() + ")");
        return Reply.of(Refusals.answer(RtspStatus.OK, context.cseq()));
    }

    private PublisherSession runningAt(String path) {
        for (PublisherSession session : publishers.all()) {
            if (session.presentationPath().equals(path)) {
                return session;
            }
        }
        return null;
    }

    private Reply setUp(MethodContext context) throws RefusedException {
        RtspRequest request = context.request();
        RtspConnection connection = context.connection();
        RtspConnection owner = connection.responseTarget();
        Target target = context.target();
        String path = target.presentation();
        Announcements.Announcement announced = announcements.of(path);
        int slash = path.lastIndexOf('/');
        Announcements.Announcement parent = slash > 0 ? announcements.of(path.substring(0, slash)) : null;
        if (announced == null && parent != null && parent.owner() == owner) {
            throw refusal(RtspStatus.NOT_FOUND, "SETUP names no announced track of " + parent.path() + " ("
                    + request.uri() + "; announced controls " + parent.presentation().controls() + ")");
        }
        if (announced == null || announced.owner() != owner) {
            throw refusal(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "SETUP with mode=record of " + path
                    + " without an ANNOUNCE of it on this connection");
        }
        List<?> tracks = announced.presentation().tracks();
        int track = target.track() == -1 && tracks.size() == 1 ? 0 : target.track();
        if (track < 0 || track >= tracks.size()) {
            throw refusal(RtspStatus.NOT_FOUND, "SETUP names no announced track of " + path + " ("
                    + request.uri() + "; announced controls " + announced.presentation().controls() + ")");
        }
        TransportSpec spec = TransportNegotiation.chooseRecord(request);
        PublisherSession session = existing(context, false);
        if (session != null && !session.presentationPath().equals(path)) {
            throw refusal(RtspStatus.AGGREGATE_OPERATION_NOT_ALLOWED, "session " + session.id() + " records "
                    + session.presentationPath() + ", not " + path);
        }
        if (session != null && session.isSetUp(track)) {
            throw refusal(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "track " + (track + 1) + " of " + path
                    + " is already set up");
        }
        boolean created = session == null;
        if (created) {
            session = publish(context, announced);
        }
        String transport;
        try {
            transport = spec.isTcp() ? interleaved(connection, session, track, spec)
                    : overUdp(connection, session, track, spec.clientPort());
        } catch (RefusedException | RuntimeException e) {
            if (created) {
                session.close("SETUP refused");
            }
            throw e;
        }
        return Reply.of(Refusals.answer(RtspStatus.OK, context.cseq()).header("Transport", transport)
                .header("Session", session.id() + ";timeout=" + SESSION_TIMEOUT_SECONDS));
    }

    private PublisherSession publish(MethodContext context, Announcements.Announcement announced)
            throws RefusedException {
        RtspConnection connection = context.connection();
        RtspConnection owner = connection.responseTarget();
        PublisherOrigin origin = new PublisherOrigin(connection.remoteAddress(), context.user(),
                context.request().header("User-Agent"), context.request().uri(), connection.localAddress(), owner,
                () -> {
                    connection.close();
                    owner.close();
                });
        try {
            PublisherSession session = publishers.publish(announced.path(), announced.presentation(), origin);
            LOG.info("[session " + session.id() + "] publisher " + connection.remoteAddress().getAddress()
                    .getHostAddress() + (context.user() == null ? "" : " (user " + context.user() + ")") + " set up "
                    + session.presentationPath());
            return session;
        } catch (Publishers.PublishRefusedException e) {
            throw refusal(e.pathBusy() ? RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE : RtspStatus.NOT_ENOUGH_BANDWIDTH,
                    e.getMessage());
        } catch (MediaCatalog.MalformedPathException e) {
            throw refusal(RtspStatus.BAD_REQUEST, e.getMessage());
        } catch (MediaCatalog.MediaForbiddenException e) {
            throw refusal(RtspStatus.FORBIDDEN, e.getMessage());
        }
    }

    private String interleaved(RtspConnection connection, PublisherSession session, int track, TransportSpec spec)
            throws RefusedException {
        ChannelRange channels = spec.interleaved() != null ? spec.interleaved() : ChannelRange.of(2 * track);
        if (!channels.leavesRoomForRtcp()) {
            throw refusal(RtspStatus.UNSUPPORTED_TRANSPORT, "interleaved=" + channels.format()
                    + " leaves no channel for RTCP");
        }
        int rtp = channels.first();
        int rtcp = channels.rtcpChannel();
        if (connection.hasChannel(rtp) || connection.hasChannel(rtcp)) {
            throw refusal(RtspStatus.UNSUPPORTED_TRANSPORT, "interleaved=" + channels.format()
                    + " is already used on this connection");
        }
        connection.onChannel(rtp, packet -> session.rtpReceived(track, ByteBuffer.wrap(packet)));
        connection.onChannel(rtcp, packet -> { }); // sender reports: the media itself keeps the session alive
        String kind = connection.responseTarget() != connection ? "HTTP" : "TCP";
        session.trackSetUp(track, kind, () -> {
            connection.stopChannel(rtp);
            connection.stopChannel(rtcp);
        });
        return "RTP/AVP/TCP;unicast;interleaved=" + rtp + "-" + rtcp + ";mode=record";
    }

    private String overUdp(RtspConnection connection, PublisherSession session, int track, PortRange ports)
            throws RefusedException {
        TransportNegotiation.refuseUnusablePorts(ports);
        InetAddress publisher = connection.remoteAddress().getAddress();
        ReceivePortPairs.Pair pair;
        try {
            // Datagrams from anyone but the publisher's address are dropped: the port is no open door.
            pair = udpPorts.open((packet, from) -> {
                if (ReceivePortPairs.from(from, publisher)) {
                    session.rtpReceived(track, packet);
                }
            }, (packet, from) -> { });
        } catch (IOException e) {
            throw refusal(RtspStatus.NOT_ENOUGH_BANDWIDTH, "no UDP port for " + session.presentationPath() + ": "
                    + e.getMessage());
        }
        session.trackSetUp(track, "UDP", pair.registration());
        return "RTP/AVP;unicast;client_port=" + ports.first() + "-" + TransportNegotiation.rtcpPort(ports)
                + ";server_port=" + pair.rtpPort() + "-" + pair.rtcpPort() + ";mode=record";
    }

    private Reply record(MethodContext context, PublisherSession session) throws RefusedException {
        if (!session.stream().tracks().isEmpty() && !anySetUp(session)) {
            throw refusal(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "RECORD before any track of "
                    + session.presentationPath() + " was set up");
        }
        session.recording();
        return Reply.of(ok(context, session).header("Range", "npt=now-"));
    }

    private static boolean anySetUp(PublisherSession session) {
        for (int i = 0; i < session.stream().tracks().size(); i++) {
            if (session.isSetUp(i)) {
                return true;
            }
        }
        return false;
    }

    private org.tributary.rtsp.RtspResponse ok(MethodContext context, PublisherSession session) {
        return Refusals.answer(RtspStatus.OK, context.cseq()).header("Session", session.id() + ";timeout="
                + SESSION_TIMEOUT_SECONDS);
    }

    /** The publisher session the request names, checked to be the requester's (454 otherwise, as for players). */
    private PublisherSession existing(MethodContext context, boolean required) throws RefusedException {
        RtspRequest request = context.request();
        String header = request.header("Session");
        if (header == null) {
            if (required) {
                throw new RefusedException(RtspStatus.SESSION_NOT_FOUND, request.methodToken() + " without a Session header");
            }
            return null;
        }
        PublisherSession session = named(request);
        if (session == null) {
            throw new RefusedException(RtspStatus.SESSION_NOT_FOUND, "no publisher session '" + header + "'");
        }
        if (!session.belongsTo(context.requester())) {
            throw new RefusedException(RtspStatus.SESSION_NOT_FOUND, "publisher session '" + session.id()
                    + "' is not this client's; refused for " + context.requester().address().getHostAddress(),
                    Level.WARNING);
        }
        return session;
    }

    /** A refusal whose reason the publisher is told in the body, so that its log says why. */
    private static RefusedException refusal(RtspStatus status, String why) {
        return new RefusedException(new Refusal(status, why, Level.INFO, List.of(), 0, why, null));
    }
}
