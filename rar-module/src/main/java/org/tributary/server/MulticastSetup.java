package org.tributary.server;

import org.tributary.rtsp.RtspStatus;
import org.tributary.session.MulticastGroups;
import org.tributary.session.MulticastGroups.Group;
import org.tributary.session.MulticastGroups.Membership;
import org.tributary.session.TrackOutput;
import org.tributary.source.MediaSource;
import org.tributary.stream.StreamSource;

import java.util.List;
import java.util.logging.Level;

/**
 * SETUP with {@code RTP/AVP;multicast} (RFC 2326 §12.39): the viewer's track joins its stream's group, sent
 * once by the stream's feed; the session's own output sends nothing. Only running streams are multicast.
 */
final class MulticastSetup {

    /** The track's output in the viewer's session and the Transport header that answers the SETUP. */
    record Answer(TrackOutput output, String transport) {
    }

    private volatile MulticastGroups groups;
    private volatile MulticastOnlyPaths onlyPaths = MulticastOnlyPaths.NONE;

    /** Multicast is refused (461) until the groups are given. */
    void groups(MulticastGroups value) {
        groups = value;
    }

    /** The live paths served only by multicast, from the next request on. */
    void onlyPaths(MulticastOnlyPaths value) {
        onlyPaths = value;
    }

    /**
     * The group a multicast-only path's DESCRIBE names (its feed started and kept until the stream ends), or
     * null for a path served as usual: not multicast-only, or a file (files are never multicast).
     */
    Group describedGroup(MediaSource source, String path) throws RefusedException {
        if (!(source instanceof StreamSource stream) || !onlyPaths.covers(path)) {
            return null;
        }
        refuseUnusable(source);
        try {
            return groups.keep(stream);
        } catch (MulticastGroups.NoGroupException e) {
            throw new RefusedException(RtspStatus.NOT_ENOUGH_BANDWIDTH, path + " is multicast-only: " + e.getMessage());
        }
    }

    /**
     * Refuses (461, saying why in the body) a unicast SETUP of a running stream on a multicast-only path; the
     * answer's Transport offers the multicast one (RFC 2326 §12.39), with the group when the stream has one.
     */
    void refuseUnicast(MediaSource source, String path, int track) throws RefusedException {
        if (source instanceof StreamSource stream && onlyPaths.covers(path)) {
            String why = path + " is multicast-only: SETUP it with Transport: RTP/AVP;multicast"
                    + " (ffmpeg/ffplay -rtsp_transport udp_multicast)";
            MulticastGroups known = groups;
            Group group = known == null ? null : known.groupOf(stream.stream());
            throw new RefusedException(new Refusal(RtspStatus.UNSUPPORTED_TRANSPORT, why, Level.INFO, List.of(), 0,
                    why, null)).withHeader("Transport", group == null ? "RTP/AVP;multicast" : transport(group, track));
        }
    }

    /** Refuses, before a session is created, a multicast SETUP of anything but a running stream. */
    void refuseUnusable(MediaSource source) throws RefusedException {
        if (groups == null) {
            throw new RefusedException(RtspStatus.UNSUPPORTED_TRANSPORT, "multicast is not available on this server");
        }
        if (!(source instanceof StreamSource)) {
            throw new RefusedException(RtspStatus.UNSUPPORTED_TRANSPORT, source.name() + " is a file: only live"
                    + " streams are sent by multicast; use unicast UDP or TCP");
        }
    }

    Answer setUp(MediaSource source, int track, String cname) throws RefusedException {
        refuseUnusable(source);
        Membership member;
        try {
            member = groups.join((StreamSource) source);
        } catch (MulticastGroups.NoGroupException e) {
            throw new RefusedException(RtspStatus.NOT_ENOUGH_BANDWIDTH, e.getMessage());
        }
        TrackOutput output = new TrackOutput(track, source.tracks().get(track).clockRate(), member, cname);
        return new Answer(output, transport(member.group(), track));
    }

    /** {@code RTP/AVP;multicast;destination=239.x.y.z;port=a-b;ttl=N} for one track of a group. */
    static String transport(Group group, int track) {
        int rtp = group.rtpPort(track);
        return "RTP/AVP;multicast;destination=" + group.address().getHostAddress() + ";port=" + rtp + "-" + (rtp + 1)
                + ";ttl=" + group.ttl();
    }
}
