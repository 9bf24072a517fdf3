package org.tributary.server;

import org.tributary.api.event.AccessRecord;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.RtspUri;
import org.tributary.rtsp.header.HeaderParseException;
import org.tributary.rtsp.header.Session;
import org.tributary.session.AccessRecords;
import org.tributary.session.RtspSession;
import org.tributary.session.SessionRegistry;

import java.util.function.Consumer;

/**
 * Turns refusals into access-log material. A refusal inside a live session only becomes that session's
 * status (its line is written when it ends, as Darwin did); any other refused request gets its own record.
 */
public final class RefusalReporter implements RefusalListener {

    private final SessionRegistry sessions;
    private final Consumer<AccessRecord> sink;

    public RefusalReporter(SessionRegistry sessions, Consumer<AccessRecord> sink) {
        this.sessions = sessions;
        this.sink = sink;
    }

    @Override
    public void refused(RtspRequest request, RtspConnection connection, RtspStatus status, String why) {
        RtspSession session = liveSession(request.header("Session"));
        // Only the session's own client sets its status: a refused request naming someone else's session gets its own record.
        if (session != null && session.belongsTo(PlaybackMethods.requester(connection, null))) {
            session.lastStatus(status.code());
            return;
        }
        String path;
        try {
            path = RtspUri.path(request.uri());
        } catch (IllegalArgumentException e) {
            path = "";
        }
        // A request with an HTTP request line (MP3 over HTTP, a tunnel half) is logged as HTTP; RTSP, tunnelled or not, as RTP.
        String protocol = request.version().startsWith("HTTP/") ? AccessRecord.HTTP : AccessRecord.RTP;
        sink.accept(AccessRecords.ofRefusal(request.uri(), path, status.code(), why, connection.remoteAddress(),
                connection.localAddress(), request.header("User-Agent"), sessions.size(), protocol));
    }

    private RtspSession liveSession(String header) {
        if (header == null) {
            return null;
        }
        try {
            return sessions.get(Session.parse(header).id());
        } catch (HeaderParseException e) {
            return null;
        }
    }
}
