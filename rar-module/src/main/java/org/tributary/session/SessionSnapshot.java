package org.tributary.session;

import org.tributary.api.SessionInfo;
import org.tributary.api.event.DeliveryCounts;

/** Turns a live session into the {@link SessionInfo} value the EJB side reads. */
public final class SessionSnapshot {

    private SessionSnapshot() {
    }

    public static SessionInfo of(RtspSession session) {
        long lost = 0;
        double jitter = 0;
        long reports = 0;
        for (TrackOutput output : session.outputs()) {
            lost += Math.max(0, output.cumulativeLost());
            jitter = Math.max(jitter, output.jitterMillis());
            reports += output.receiverReports();
        }
        DeliveryCounts delivery = session.deliveryCounts();
        return new SessionInfo(session.id(), session.client().getAddress().getHostAddress(),
                session.presentationPath(), session.transportKind(), session.state().name(), session.userAgent(),
                session.createdAt(), session.bytesSent(), session.packetsSent(), lost, jitter, reports,
                session.userName(), session.bitsPerSecond(), delivery.rtxRequested(), delivery.rtxSent(),
                delivery.rtxTooLate(), delivery.thinnedFrames(), session.thinningChanges());
    }
}
