package org.tributary.session;

import org.tributary.api.BroadcastInfo;

/** Turns a publisher session into the {@link BroadcastInfo} value the EJB side reads. */
public final class BroadcastSnapshot {

    private BroadcastSnapshot() {
    }

    public static BroadcastInfo of(PublisherSession session) {
        PublisherOrigin origin = session.origin();
        return new BroadcastInfo(session.id(), session.presentationPath(), origin.client().getAddress().getHostAddress(),
                origin.userName(), origin.userAgent(), session.announced().codecs(), session.transportKind(),
                session.isRecording() ? "RECORDING" : "ANNOUNCED", session.createdAt(), session.bitsPerSecond(),
                session.bytesReceived(), session.packetsReceived(), session.packetsLost(),
                session.stream().readerCount());
    }
}
