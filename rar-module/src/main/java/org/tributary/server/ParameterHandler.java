package org.tributary.server;

import org.tributary.rtsp.RtspMethod;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;
import org.tributary.session.RtspSession;

/** GET_PARAMETER and SET_PARAMETER: keep-alives; no parameters are defined yet. */
final class ParameterHandler implements MethodHandler {

    private final SessionLookup sessions;

    ParameterHandler(SessionLookup sessions) {
        this.sessions = sessions;
    }

    @Override
    public Reply handle(MethodContext context) throws RefusedException {
        RtspSession session = sessions.existing(context.request(), false, context.requester());
        if (context.request().body().length > 0 && context.request().method() == RtspMethod.SET_PARAMETER) {
            throw new RefusedException(RtspStatus.PARAMETER_NOT_UNDERSTOOD, "no settable parameters");
        }
        RtspResponse response = Refusals.answer(RtspStatus.OK, context.cseq());
        if (session != null) {
            response.header("Session", SessionLookup.header(session));
        }
        return Reply.of(response);
    }
}
