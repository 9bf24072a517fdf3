package org.tributary.server;

import org.tributary.rtp.payload.plan.Thinning;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.header.ChannelRange;
import org.tributary.rtsp.header.PortRange;
import org.tributary.rtsp.header.TransportSpec;
import org.tributary.session.MulticastGroups;
import org.tributary.session.OncePerPeriod;
import org.tributary.session.RtspSession;
import org.tributary.session.RtxLimits;
import org.tributary.session.SessionLimitException;
import org.tributary.session.SessionState;
import org.tributary.session.ThinningSettings;
import org.tributary.session.TrackOutput;
import org.tributary.session.TrafficMeter;
import org.tributary.source.MediaSource;
import org.tributary.source.SourceTrack;
import org.tributary.transport.InterleavedRtpChannel;
import org.tributary.transport.RtpChannel;
import org.tributary.transport.UdpEndpoint;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SETUP (RFC 2326 §10.4): creates the session on the first track, negotiates the transport (UDP to the
 * client's ports, or interleaved on the connection that carries the answers) and adds the track's output.
 */
final class SetupHandler implements MethodHandler {

    private static final Logger LOG = Logger.getLogger(SetupHandler.class.getName());

    private final PathResolver paths;
    private final SessionLookup sessions;
    private final TrafficMeter meter;
    private final BandwidthLimit bandwidth;
    /** Replaced when the RTP port pair is rebound at startup; a session keeps the endpoint it was set up on. */
    private volatile UdpEndpoint udp;
    /** A client hammering the per-address limit is logged once a minute, not once per SETUP. */
    private final OncePerPeriod<InetAddress> limitLog = new OncePerPeriod<>(60);
    private final MulticastSetup multicast = new MulticastSetup();
    /** Retransmission as offered; none until {@link #rtx(RtxOffer)} is called. */
    private RtxOffer rtx = new RtxOffer();
    private volatile ThinningSettings thinning = ThinningSettings.OFF;

    SetupHandler(PathResolver paths, SessionLookup sessions, UdpEndpoint udp, TrafficMeter meter,
                 BandwidthLimit bandwidth) {
        this.paths = paths;
        this.sessions = sessions;
        this.udp = udp;
        this.meter = meter;
        this.bandwidth = bandwidth;
    }

    void udp(UdpEndpoint endpoint) {
        this.udp = endpoint;
    }

    /** Thinning for the UDP video tracks of new sessions. */
    void thinning(ThinningSettings settings) {
        this.thinning = settings;
    }

    void rtx(RtxOffer offer) {
        this.rtx = offer;
    }

    void multicastGroups(MulticastGroups groups) {
        multicast.groups(groups);
    }

    /** The multicast side, which DESCRIBE shares for multicast-only paths. */
    MulticastSetup multicast() {
        return multicast;
    }

    @Override
    public Reply handle(MethodContext context) throws RefusedException {
        RtspRequest request = context.request();
        RtspConnection connection = context.connection();
        Target target = context.target();
        RtspSession session = sessions.existing(request, false, context.requester());
        MediaSource source = session != null ? session.source() : paths.source(target);
        if (session != null && !session.presentationPath().equals(target.presentation())) {
            throw new RefusedException(RtspStatus.AGGREGATE_OPERATION_NOT_ALLOWED, "session " + session.id() + " plays "
                    + session.presentationPath() + ", not " + target.presentation());
        }
        int track = target.track() == -1 && source.tracks().size() == 1 ? 0 : target.track();
        if (track < 0 || track >= source.tracks().size()) {
            throw new RefusedException(RtspStatus.NOT_FOUND, "no track " + (target.track() < 0 ? "named"
                    : target.track() + 1) + " in " + target.presentation() + " (" + source.tracks().size() + " tracks)");
        }
        TransportSpec spec = TransportNegotiation.choose(request);
        ChannelRange channels = spec.interleaved() != null ? spec.interleaved() : ChannelRange.of(2 * track);
        // Checked before a session is created for a SETUP that will be refused.
        if (spec.isMulticast()) {
            multicast.refuseUnusable(source);
        } else if (spec.isTcp()) {
            multicast.refuseUnicast(source, target.presentation(), track);
            TransportNegotiation.refuseUnusableChannels(channels, sessions.registry(), connection.responseTarget(),
                    session, track);
        } else {
            multicast.refuseUnicast(source, target.presentation(), track);
            TransportNegotiation.refuseUnusablePorts(spec.clientPort());
        }
        boolean created = false;
        if (session == null) {
            refuseWithoutBandwidth(source);
            session = createSession(context, source);
            session.origin(request.uri(), connection.localAddress());
            created = true;
        }
        if (session.state() == SessionState.PLAYING) {
            throw new RefusedException(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "SETUP while playing");
        }
        String cname = "tributary@" + connection.localAddress().getAddress().getHostAddress();
        int clockRate = source.tracks().get(track).clockRate();
        TrackOutput output;
        String transport;
        if (spec.isMulticast()) {
            MulticastSetup.Answer answer = multicast.setUp(source, track, cname);
            output = answer.output();
            transport = answer.transport();
        } else if (spec.isTcp()) {
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
            int rtcpPort = TransportNegotiation.rtcpPort(ports);
            UdpEndpoint endpoint = udp;
            InetSocketAddress clientRtp = new InetSocketAddress(connection.remoteAddress().getAddress(), ports.first());
            InetSocketAddress clientRtcp = new InetSocketAddress(connection.remoteAddress().getAddress(), rtcpPort);
            TrackOutput[] receiving = new TrackOutput[1];
            RtspSession owner = session;
            output = new TrackOutput(track, clockRate, endpoint.channelTo(clientRtp, clientRtcp, packet -> {
                owner.touch();
                receiving[0].rtcpReceived(packet);
            }), cname, meter);
            receiving[0] = output;
            String profile = "RTP/AVP";
            RtxLimits limits = rtx.takenBy(spec);
            if (limits != null) {
                output.retransmit(RtxOffer.payloadType(source.tracks().get(track).payloadType()), limits,
                        System::nanoTime);
                profile = "RTP/" + RtxOffer.PROFILE;
            }
            thinIfVideo(output, source.tracks().get(track), owner);
            transport = profile + ";unicast;client_port=" + ports.first() + "-" + rtcpPort + ";server_port="
                    + endpoint.rtpPort() + "-" + endpoint.rtcpPort() + ";ssrc=" + hex(output.ssrc());
        }
        try {
            session.setUp(output);
        } catch (IllegalStateException e) {
            throw new RefusedException(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "SETUP while playing");
        }
        if (created && LOG.isLoggable(java.util.logging.Level.FINE)) {
            // FINE: every session is in the access log already; at thousands of setups a second one
            // server.log line per session start and end was a lock all request workers queued on.
            LOG.fine(session.logPrefix() + "created for " + connection.remoteAddress().getAddress().getHostAddress()
                    + ": " + target.presentation() + " (" + (request.header("User-Agent") == null ? "no User-Agent"
                    : request.header("User-Agent")) + ")");
        }
        return Reply.of(Refusals.answer(RtspStatus.OK, context.cseq()).header("Transport", transport)
                .header("Session", SessionLookup.header(session)));
    }

    private void thinIfVideo(TrackOutput output, SourceTrack described, RtspSession owner) {
        ThinningSettings settings = thinning;
        if (settings.on() && "video".equals(described.media())) {
            Thinning.rolesFor(described.codec())
                    .ifPresent(roles -> output.thin(roles, settings.newPolicy(), owner.logPrefix()));
        }
    }

    private RtspSession createSession(MethodContext context, MediaSource source) throws RefusedException {
        RtspConnection connection = context.connection();
        try {
            return sessions.registry().create(context.target().presentation(), source, connection.remoteAddress(),
                    context.request().header("User-Agent"), context.user(), connection.responseTarget());
        } catch (SessionLimitException e) {
            Level level = !e.perAddress() ? Level.INFO
                    : limitLog.shouldLog(connection.remoteAddress().getAddress()) ? Level.WARNING : Level.FINE;
            String why = e.perAddress() ? e.getMessage() + " (further refusals of this address are logged at most"
                    + " once a minute)" : e.getMessage();
            throw new RefusedException(RtspStatus.NOT_ENOUGH_BANDWIDTH, why, level);
        }
    }

    private void refuseWithoutBandwidth(MediaSource source) throws RefusedException {
        String why = bandwidth.refusal(source);
        if (why != null) {
            throw new RefusedException(RtspStatus.NOT_ENOUGH_BANDWIDTH, why);
        }
    }

    private static String hex(long ssrc) {
        return org.tributary.rtsp.header.Numerals.hex8(ssrc);
    }
}
