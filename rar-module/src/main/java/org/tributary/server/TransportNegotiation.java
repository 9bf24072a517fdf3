package org.tributary.server;

import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.header.ChannelRange;
import org.tributary.rtsp.header.HeaderParseException;
import org.tributary.rtsp.header.PortRange;
import org.tributary.rtsp.header.Transport;
import org.tributary.rtsp.header.TransportMode;
import org.tributary.rtsp.header.TransportSpec;
import org.tributary.session.RtspSession;
import org.tributary.session.SessionRegistry;
import org.tributary.session.TrackOutput;
import org.tributary.transport.InterleavedRtpChannel;

import java.util.logging.Level;

/** Picks the transport a SETUP gets from those it offers, and checks interleaved channels are usable. */
final class TransportNegotiation {

    private TransportNegotiation() {
    }

    /**
     * The first offer this server can serve: RTP to play over unicast UDP with client ports, over TCP, or
     * over UDP multicast (a group the server picks).
     */
    static TransportSpec choose(RtspRequest request) throws RefusedException {
        for (TransportSpec spec : offered(request).specs()) {
            if (!spec.isRtp() || spec.effectiveMode() != TransportMode.PLAY) {
                continue;
            }
            if (spec.isTcp() || (spec.isUdp() && (spec.isMulticast() || spec.clientPort() != null))) {
                return spec;
            }
        }
        throw new RefusedException(RtspStatus.UNSUPPORTED_TRANSPORT, "no offered transport is RTP over unicast UDP "
                + "(with client_port), multicast UDP or TCP: " + request.header("Transport"));
    }

    /** The SETUP's Transport header, parsed; missing or malformed, a refusal saying so. */
    private static Transport offered(RtspRequest request) throws RefusedException {
        String header = request.header("Transport");
        if (header == null) {
            throw new RefusedException(RtspStatus.BAD_REQUEST, "SETUP without a Transport header");
        }
        try {
            return Transport.parse(header);
        } catch (HeaderParseException e) {
            throw new RefusedException(e.statusCode() == 461 ? RtspStatus.UNSUPPORTED_TRANSPORT : RtspStatus.BAD_REQUEST,
                    e.getMessage());
        }
    }

    /** Whether a SETUP offers to send (mode=record or receive): a publisher's SETUP, decided as a write. */
    static boolean offersRecord(RtspRequest request) {
        String header = request.header("Transport");
        if (header == null) {
            return false;
        }
        try {
            return Transport.parse(header).specs().stream().anyMatch(s -> s.effectiveMode() == TransportMode.RECORD);
        } catch (HeaderParseException e) {
            return false; // answered by the SETUP handler that parses it again
        }
    }

    /** The first offer a publisher can send over: RTP with mode=record over TCP, or over UDP with client ports. */
    static TransportSpec chooseRecord(RtspRequest request) throws RefusedException {
        for (TransportSpec spec : offered(request).specs()) {
            if (spec.isRtp() && !spec.isMulticast() && spec.effectiveMode() == TransportMode.RECORD
                    && (spec.isTcp() || (spec.isUdp() && spec.clientPort() != null))) {
                return spec;
            }
        }
        throw new RefusedException(RtspStatus.UNSUPPORTED_TRANSPORT, "no offered transport is RTP with mode=record"
                + " over TCP or unicast UDP (with client_port): " + request.header("Transport"));
    }

    /** The client's RTCP port: the second of its pair, or the one after its single port. */
    static int rtcpPort(PortRange ports) {
        return ports.isSingle() ? ports.first() + 1 : ports.last();
    }

    /** A single client port must leave the next one for RTCP. */
    static void refuseUnusablePorts(PortRange ports) throws RefusedException {
        if (rtcpPort(ports) > 65535) {
            throw new RefusedException(RtspStatus.UNSUPPORTED_TRANSPORT, "client_port=" + ports.first()
                    + " leaves no port for RTCP", Level.WARNING);
        }
    }

    /**
     * Interleaved channels must leave room for RTCP (a single 255 would put RTCP on channel 0, another
     * track's RTP) and must not be those of another track on the same connection.
     *
     * @param session the session being set up, or null when the SETUP would create one
     */
    static void refuseUnusableChannels(ChannelRange channels, SessionRegistry sessions, RtspConnection carrier,
                                       RtspSession session, int track) throws RefusedException {
        if (!channels.leavesRoomForRtcp()) {
            throw new RefusedException(RtspStatus.UNSUPPORTED_TRANSPORT, "interleaved=" + channels.format()
                    + " leaves no channel for RTCP (channels end at 255)", Level.WARNING);
        }
        for (RtspSession other : sessions.boundTo(carrier)) {
            for (TrackOutput output : other.outputs()) {
                if (other == session && output.trackIndex() == track) {
                    continue; // the track being set up again gives its channels up
                }
                if (output.channel() instanceof InterleavedRtpChannel used
                        && channels.sharesChannelWith(new ChannelRange(used.rtpChannel(), used.rtcpChannel()))) {
                    throw new RefusedException(RtspStatus.UNSUPPORTED_TRANSPORT, "interleaved=" + channels.format()
                            + " is already used by track " + (output.trackIndex() + 1) + " of session " + other.id()
                            + " on this connection", Level.WARNING);
                }
            }
        }
    }
}
