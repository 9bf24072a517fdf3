package org.tributary.server;

import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspStatus;

/** Told about every request the method handler refuses (answers with an error status), for the access log. */
@FunctionalInterface
public interface RefusalListener {

    RefusalListener NONE = (request, connection, status, why) -> { };

    /** Called on the RTSP worker thread that answers; must return at once. */
    void refused(RtspRequest request, RtspConnection connection, RtspStatus status, String why);
}
