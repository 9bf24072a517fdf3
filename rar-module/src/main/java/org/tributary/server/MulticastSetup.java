package org.tributary.server;

import org.tributary.rtsp.RtspStatus;
import org.tributary.session.MulticastGroups;
import org.tributary.session.MulticastGroups.Group;
import org.tributary.session.MulticastGroups.Membership;
import org.tributary.session.TrackOutput;
import org.tributary.source.MediaSource;
import org.tributary.stream.StreamSource;

/**
 * SETUP with {@code RTP/AVP;multicast} (RFC 2326 §12.39): the viewer's track joins its stream's group, sent
 * once by the stream's feed; the session's own output sends nothing. Only running streams are multicast.
 */
final class MulticastSetup {

    /** The track's output in the viewer's session and the Transport header that answers the SETUP. */
    record Answer(TrackOutput output, String transport) {
    }

    private volatile MulticastGroups groups;

    /** Multicast is refused (461) until the groups are given. */
    void groups(MulticastGroups value) {
        groups = value;
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
