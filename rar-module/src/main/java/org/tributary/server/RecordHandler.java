package org.tributary.server;

import org.tributary.rtsp.RtspStatus;

import java.util.List;
import java.util.logging.Level;

/**
 * ANNOUNCE and RECORD have passed the write check (credentials, write audience or broadcaster account),
 * but this version has no live reflector to take the stream: an honest 501, never a fake success.
 */
final class RecordHandler implements MethodHandler {

    /** The body of the 501 that answers an allowed ANNOUNCE or RECORD. */
    static final String PUBLISHING_NOT_AVAILABLE = "Publishing live streams (ANNOUNCE/RECORD) is not available in"
            + " this version of Tributary: the request passed the access check, but no live reflector takes streams yet.";

    @Override
    public Reply handle(MethodContext context) throws RefusedException {
        String why = "publishing live streams (" + context.request().methodToken() + ") is not available in this"
                + " version; the client was allowed to publish here";
        throw new RefusedException(new Refusal(RtspStatus.NOT_IMPLEMENTED, why, Level.INFO, List.of(), 0,
                PUBLISHING_NOT_AVAILABLE, null));
    }
}
