package org.tributary.server;

import org.tributary.rtsp.RtspRequest;
import org.tributary.session.Requester;

/**
 * What a method handler works with.
 *
 * @param request    the request
 * @param connection the connection it came on (for a tunnel, the POST half)
 * @param requester  who asks: the connection, the address and the user, for session ownership
 * @param target     the presentation and track the request names, for the methods that name one (access
 *                   was decided on it); null for the others
 * @param user       the user the access check authenticated, or null
 */
record MethodContext(RtspRequest request, RtspConnection connection, Requester requester, Target target, String user) {

    String cseq() {
        return request.cseq();
    }
}
