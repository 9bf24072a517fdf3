package org.tributary.server;

import org.tributary.engine.StreamingEngine;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.header.HeaderParseException;
import org.tributary.rtsp.header.Prebuffer;
import org.tributary.rtsp.header.Range;
import org.tributary.rtsp.header.RtpInfo;
import org.tributary.rtsp.header.RtpInfoEntry;
import org.tributary.rtsp.header.Speed;
import org.tributary.session.MulticastGroups;
import org.tributary.session.Overbuffer;
import org.tributary.session.RtspSession;
import org.tributary.session.SessionState;
import org.tributary.source.SourceTrack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * PLAY, PAUSE and TEARDOWN of a session (RFC 2326 §10.5-10.7). PLAY positions the session and answers
 * with the range and RTP-Info; its packets start only once that answer is queued (the reply's afterSent),
 * so the client knows the sequence numbers before the first packet arrives.
 */
final class PlaybackHandler implements MethodHandler {

    private final SessionLookup sessions;
    private final StreamingEngine engine;
    private final BandwidthLimit bandwidth;
    private final InstantOn instantOn;

    PlaybackHandler(SessionLookup sessions, StreamingEngine engine, BandwidthLimit bandwidth, InstantOn instantOn) {
        this.sessions = sessions;
        this.engine = engine;
        this.bandwidth = bandwidth;
        this.instantOn = instantOn;
    }

    @Override
    public Reply handle(MethodContext context) throws RefusedException {
        RtspSession session = sessions.existing(context.request(), true, context.requester());
        return switch (context.request().method()) {
            case PLAY -> play(context, session);
            case PAUSE -> {
                double at = session.pause();
                yield Reply.of(ok(context).header("Session", SessionLookup.header(session))
                        .header("Range", Range.npt(at, null).format()));
            }
            case TEARDOWN -> {
                session.close("teardown");
                yield Reply.of(ok(context).header("Session", session.id()));
            }
            default -> throw new IllegalArgumentException(context.request().methodToken() + " is not PLAY, PAUSE or TEARDOWN");
        };
    }

    private Reply play(MethodContext context, RtspSession session) throws RefusedException {
        RtspRequest request = context.request();
        Target target = context.target();
        if (target.track() != -1) {
            throw new RefusedException(RtspStatus.ONLY_AGGREGATE_OPERATION_ALLOWED, "PLAY of a single track of "
                    + target.presentation());
        }
        // Access was decided on the path PLAY names: it must be the session's presentation.
        if (!session.presentationPath().equals(target.presentation())) {
            throw new RefusedException(RtspStatus.AGGREGATE_OPERATION_NOT_ALLOWED, "session " + session.id() + " plays "
                    + session.presentationPath() + ", not " + target.presentation());
        }
        if (!session.hasTracks()) {
            throw new RefusedException(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "PLAY before any SETUP");
        }
        if (session.state() != SessionState.PLAYING) {
            String why = bandwidth.refusal(session.source());
            if (why != null) {
                throw new RefusedException(RtspStatus.NOT_ENOUGH_BANDWIDTH, why);
            }
        }
        Double start = null;
        Double end = null;
        String rangeHeader = request.header("Range");
        boolean live = !session.source().seekable() && Double.isInfinite(session.source().durationSeconds());
        if (rangeHeader != null && !live) { // a live stream has one position, now, whatever range is asked
            Range range;
            try {
                range = Range.parse(rangeHeader);
            } catch (HeaderParseException e) {
                throw new RefusedException(RtspStatus.BAD_REQUEST, e.getMessage());
            }
            if (!range.isNpt() || range.startsNow()) {
                throw new RefusedException(RtspStatus.INVALID_RANGE, "only npt ranges can be played from a file: "
                        + rangeHeader);
            }
            start = range.startOrZero();
            end = range.end();
            double duration = session.source().durationSeconds();
            if (start > duration || (end != null && end < start)) {
                throw new RefusedException(RtspStatus.INVALID_RANGE, "range " + rangeHeader + " is outside 0-"
                        + org.tributary.rtsp.header.Numerals.threeDecimals(duration));
            }
        }
        Speed speed;
        Prebuffer prebuffer;
        try {
            speed = request.header(Speed.HEADER) == null ? null : Speed.parse(request.header(Speed.HEADER));
            prebuffer = request.header(Prebuffer.HEADER) == null ? null
                    : Prebuffer.parse(request.header(Prebuffer.HEADER));
        } catch (HeaderParseException e) {
            throw new RefusedException(RtspStatus.BAD_REQUEST, e.getMessage());
        }
        // A client that asked for retransmission is not sent a burst: GStreamer's jitterbuffer, paced by the
        // arrival of the early packets, leaves losses in the burst unrequested (SkipProtectionIT: 121 of 150
        // frames with a burst, 150 of 150 without). Skip protection is the better of the two on a lossy link.
        Overbuffer overbuffer = live || session.retransmits() ? Overbuffer.NONE
                : instantOn.choose(speed, prebuffer, nominalKbps(session), bandwidth.headroomKbps());
        RtspSession.PlayStart play;
        try {
            play = session.play(start, end, overbuffer);
        } catch (IOException e) {
            throw new RefusedException(RtspStatus.INTERNAL_SERVER_ERROR, "cannot read " + session.presentationPath()
                    + ": " + e.getMessage());
        }
        String base = request.uri().endsWith("/") ? request.uri() : request.uri() + "/";
        List<RtpInfoEntry> entries = new ArrayList<>();
        for (RtspSession.TrackStart t : play.tracks()) {
            if (session.output(t.trackIndex()).channel() instanceof MulticastGroups.Membership) {
                continue; // the group's feed numbers the packets: a player takes its first one as the base
            }
            entries.add(new RtpInfoEntry(base + session.source().tracks().get(t.trackIndex()).control(),
                    t.sequence(), t.rtpTime()));
        }
        RtspResponse response = ok(context).header("Session", SessionLookup.header(session))
                .header("Range", live ? "npt=now-" : Range.npt(play.startSeconds(),
                        Double.isInfinite(play.endSeconds()) ? null : play.endSeconds()).format());
        if (!entries.isEmpty()) {
            response.header("RTP-Info", new RtpInfo(entries).format());
        }
        answerHints(response, speed, prebuffer, overbuffer);
        return Reply.of(response).then(() -> session.startStreaming(engine));
    }

    /** The hint headers honoured, with what this PLAY got (RFC 2326 12.35: the server may answer another speed). */
    private static void answerHints(RtspResponse response, Speed speed, Prebuffer prebuffer, Overbuffer overbuffer) {
        if (speed != null) {
            response.header(Speed.HEADER, new Speed((float) overbuffer.multiple()).format());
        }
        if (prebuffer != null) {
            response.header(Prebuffer.HEADER, new Prebuffer(overbuffer.aheadMicros() / 1e6f).format());
        }
    }

    private static long nominalKbps(RtspSession session) {
        long kbps = 0;
        for (SourceTrack track : session.source().tracks()) {
            kbps += Math.max(0, track.bitrateKbps());
        }
        return kbps;
    }

    private static RtspResponse ok(MethodContext context) {
        return Refusals.answer(RtspStatus.OK, context.cseq());
    }
}
