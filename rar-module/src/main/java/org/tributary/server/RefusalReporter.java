package org.tributary.server;

import org.tributary.api.access.MediaPaths;
import org.tributary.api.event.AccessRecord;
import org.tributary.catalog.MediaCatalog;
import org.tributary.stream.PathRegistry;
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
    private final PathRegistry paths;
    private final Consumer<AccessRecord> sink;

    /** @param paths gives the canonical path a refused request is logged with */
    public RefusalReporter(SessionRegistry sessions, PathRegistry paths, Consumer<AccessRecord> sink) {
        this.sessions = sessions;
        this.paths = paths;
        this.sink = sink;
    }

    @Override
    public void refused(RtspRequest request, RtspConnection connection, RtspStatus status, String why) {
        RtspSession session = liveSession(request.header("Session"));
        // Only the session's own client sets its status: a refused request naming someone else's session gets its own record.
        if (session != null && session.belongsTo(SessionLookup.requester(connection, null))) {
            session.lastStatus(status.code());
            return;
        }
        String path = loggedPath(request);
        // A request with an HTTP request line (MP3 over HTTP, a tunnel half) is logged as HTTP; RTSP, tunnelled or not, as RTP.
        String protocol = request.version().startsWith("HTTP/") ? AccessRecord.HTTP : AccessRecord.RTP;
        sink.accept(AccessRecords.ofRefusal(request.uri(), path, status.code(), why, connection.remoteAddress(),
                connection.localAddress(), request.header("User-Agent"), sessions.size(), protocol));
    }

    /** The canonical path; a path without one (malformed, leaving the root) as decoded, printable; "" for a bad URI. */
    private String loggedPath(RtspRequest request) {
        String decoded;
        try {
            decoded = request.version().startsWith("HTTP/") ? RtspUri.httpPath(request.uri()) : RtspUri.path(request.uri());
        } catch (IllegalArgumentException e) {
            return "";
        }
        try {
            return paths.canonical(decoded).path();
        } catch (MediaCatalog.MalformedPathException | MediaCatalog.MediaForbiddenException e) {
            return MediaPaths.printable(decoded);
        }
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
