package org.tributary.server;

import org.tributary.rtsp.header.TransportSpec;
import org.tributary.sdp.Attribute;
import org.tributary.session.RtxLimits;
import org.tributary.source.SourceTrack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Skip protection as DESCRIBE offers it and SETUP takes it (RFC 4585 / RFC 4588, the way gst-rtsp-server
 * and GStreamer's rtspsrc negotiate it): every m= line says {@code RTP/AVPF} with the track's payload type
 * followed by an rtx payload type, {@code a=rtcp-fb:<pt> nack}, {@code a=rtpmap:<rtx> rtx/<clock>} and
 * {@code a=fmtp:<rtx> apt=<pt>;rtx-time=<ms>}. A player that does not want it reads the first format only
 * and sets up {@code RTP/AVP} as before; a SETUP with {@code RTP/AVPF} over unicast UDP turns
 * retransmission on for that track. The limits change live (for new sessions); until they are set, or with
 * a zero bandwidth share, nothing is offered. It is offered only to the players named by User-Agent
 * ({@link #players}): live555-based players (VLC) and QuickTime read only {@code RTP/AVP} m= lines and would
 * drop an AVPF track.
 */
final class RtxOffer {

    static final String PROFILE = "AVPF";

    private volatile RtxLimits limits;
    /** Lower-case words one of which a player's User-Agent must contain; null: every player. */
    private volatile List<String> players;

    /** An offer of nothing: plain RTP/AVP (e.g. for a multicast group, which never retransmits). */
    static RtxOffer none() {
        return new RtxOffer();
    }

    void limits(RtxLimits limits) {
        this.limits = limits;
    }

    /**
     * The players offered it: a comma-separated list of words one of which their User-Agent contains
     * (case-insensitive), or "all".
     */
    void players(String list) {
        List<String> words = Arrays.stream(list.split(",")).map(w -> w.trim().toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty()).toList();
        this.players = words.contains("all") ? null : words;
    }

    /** This offer for a player with this User-Agent (null when it sent none), or {@link #none()}. */
    RtxOffer offeredTo(String userAgent) {
        List<String> words = players;
        if (words == null) {
            return this;
        }
        String agent = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(agent::contains) ? this : none();
    }

    /** The limits of new sessions, or null when retransmission is not offered. */
    RtxLimits limits() {
        RtxLimits current = limits;
        return current == null || current.bandwidthPercent() == 0 ? null : current;
    }

    /**
     * The limits a SETUP's chosen transport takes retransmission with (AVPF over unicast UDP while it is
     * offered), or null when it does not.
     */
    RtxLimits takenBy(TransportSpec spec) {
        return PROFILE.equals(spec.profile()) && spec.isUdp() && !spec.isMulticast() ? limits() : null;
    }

    /**
     * The rtx payload type of a track's payload type: the next dynamic one (126 for 127), or 96 for a
     * static type. It only has to differ from the original within the track's own m= line.
     */
    static int payloadType(int original) {
        if (original < 96) {
            return 96;
        }
        return original == 127 ? 126 : original + 1;
    }

    /** The m= line's profile: RTP/AVPF while offered, else RTP/AVP. */
    String protocol() {
        return limits() == null ? "RTP/AVP" : "RTP/" + PROFILE;
    }

    /** The m= line's formats: the track's payload type, then its rtx type while offered. */
    String[] formats(SourceTrack track) {
        String original = Integer.toString(track.payloadType());
        return limits() == null ? new String[] {original}
                : new String[] {original, Integer.toString(payloadType(track.payloadType()))};
    }

    /** The media attributes that offer retransmission for a track (none when not offered). */
    List<Attribute> attributes(SourceTrack track) {
        RtxLimits current = limits();
        if (current == null) {
            return List.of();
        }
        int pt = track.payloadType();
        int rtx = payloadType(pt);
        List<Attribute> out = new ArrayList<>();
        out.add(Attribute.of("rtcp-fb", pt + " nack"));
        out.add(Attribute.of("rtpmap", rtx + " rtx/" + track.clockRate() + channels(track)));
        out.add(Attribute.of("fmtp", rtx + " apt=" + pt + ";rtx-time=" + current.rtxTimeMillis()));
        return out;
    }

    /**
     * The original rtpmap's channel count ("/2"), repeated on the rtx rtpmap: ffmpeg applies every rtpmap of
     * an m= line to its one stream and would otherwise reset a stereo track to one channel.
     */
    private static String channels(SourceTrack track) {
        String rtpmap = track.rtpmap();
        if (rtpmap == null) {
            return "";
        }
        String[] parts = rtpmap.split("/");
        return parts.length >= 3 ? "/" + parts[2] : "";
    }
}
