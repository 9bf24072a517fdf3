package org.tributary.server;

import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.header.HeaderParseException;
import org.tributary.rtsp.header.Session;

/**
 * OPTIONS: lists the methods this server answers. Naming a session is a common keep-alive: it keeps the
 * requester's own session alive; naming a session that is not the requester's gets 454 like any other method.
 */
final class OptionsHandler implements MethodHandler {

    private final SessionLookup sessions;
    private final String publicMethods;

    /** @param publicMethods the Public header: the methods answered */
    OptionsHandler(SessionLookup sessions, String publicMethods) {
        this.sessions = sessions;
        this.publicMethods = publicMethods;
    }

    @Override
    public Reply handle(MethodContext context) throws RefusedException {
        RtspRequest request = context.request();
        String header = request.header("Session");
        if (header != null && wellFormed(header)) { // a malformed Session header on OPTIONS is simply ignored
            sessions.existing(request, false, context.requester());
        }
        return Reply.of(Refusals.answer(RtspStatus.OK, context.cseq()).header("Public", publicMethods));
    }

    private static boolean wellFormed(String header) {
        try {
            Session.parse(header);
            return true;
        } catch (HeaderParseException e) {
            return false;
        }
    }
}
