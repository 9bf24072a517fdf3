package org.tributary.server;

import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.header.HeaderParseException;
import org.tributary.rtsp.header.Session;
import org.tributary.session.Requester;
import org.tributary.session.RtspSession;
import org.tributary.session.SessionRegistry;

import java.util.logging.Level;

/** Finds the session a request names and checks it is the requester's. */
final class SessionLookup {

    private final SessionRegistry sessions;

    SessionLookup(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    SessionRegistry registry() {
        return sessions;
    }

    /**
     * The session the request names (kept alive by it), or null when it names none; 454 when the session
     * does not exist or is not the requester's (the same answer, so ids cannot be probed).
     *
     * @param required whether a request without a Session header is refused (454)
     */
    RtspSession existing(RtspRequest request, boolean required, Requester requester) throws RefusedException {
        String header = request.header("Session");
        if (header == null) {
            if (required) {
                throw new RefusedException(RtspStatus.SESSION_NOT_FOUND, request.methodToken() + " without a Session header");
            }
            return null;
        }
        String id;
        try {
            id = Session.parse(header).id();
        } catch (HeaderParseException e) {
            throw new RefusedException(RtspStatus.BAD_REQUEST, e.getMessage());
        }
        RtspSession session = sessions.get(id);
        if (session == null) {
            throw new RefusedException(RtspStatus.SESSION_NOT_FOUND, "no session '" + id + "' (ended or never created)");
        }
        if (!session.belongsTo(requester)) {
            throw new RefusedException(RtspStatus.SESSION_NOT_FOUND, "session '" + id + "' is not this client's (set up by "
                    + session.client().getAddress().getHostAddress() + (session.userName() == null ? ""
                    : " as user '" + session.userName() + "'") + " on another connection); refused for "
                    + requester.address().getHostAddress(), Level.WARNING);
        }
        session.touch();
        return session;
    }

    /** The requester for a request whose user is already known (the access check authenticated it, or none). */
    static Requester requester(RtspConnection connection, String user) {
        return Requester.of(connection.responseTarget(), connection.remoteAddress().getAddress(), user);
    }

    /** The Session header of an answer: the id and the timeout. */
    static String header(RtspSession session) {
        return session.id() + ";timeout=" + session.timeoutSeconds();
    }
}
