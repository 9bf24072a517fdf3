package org.tributary.server;

import org.tributary.catalog.MediaCatalog;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.StreamUnavailableException;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.RtspUri;
import org.tributary.source.MediaSource;
import org.tributary.source.UnsupportedMediaException;

import java.util.List;
import java.util.Locale;
import java.util.logging.Level;

/**
 * The RTSP side of the {@link PathRegistry}: a request URI becomes what it names, its canonical presentation
 * (on which access is decided) and the source there (a file read per session, or a running stream), with
 * the registry's answers turned into RTSP refusals. Every method handler asks here.
 */
final class PathResolver {

    private final PathRegistry paths;
    private final Announcements announcements;

    /** A resolver that knows no announced track names. */
    PathResolver(PathRegistry paths) {
        this(paths, new Announcements());
    }

    PathResolver(PathRegistry paths, Announcements announcements) {
        this.paths = paths;
        this.announcements = announcements;
    }

    /** @throws RefusedException 400 for a malformed URI or path, 403 for one leading out of the media folder */
    Target target(String uri) throws RefusedException {
        String path;
        try {
            path = RtspUri.path(uri);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(RtspStatus.BAD_REQUEST, e.getMessage());
        }
        return targetOfPath(path);
    }

    /** @param path the decoded request path */
    Target targetOfPath(String path) throws RefusedException {
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        String presentation = path;
        int track = -1;
        if (slash > 0 && last.toLowerCase(Locale.ROOT).startsWith("trackid=")) {
            presentation = path.substring(0, slash);
            try {
                track = Integer.parseInt(last.substring(8)) - 1;
            } catch (NumberFormatException e) {
                track = -2;
            }
        }
        try {
            if (track == -1 && slash > 0) {
                // A publisher's SETUP names a track by the control it announced (streamid=0, stream=1, ...).
                var parent = paths.canonical(path.substring(0, slash));
                int announced = announcements.trackOf(parent.path(), last);
                if (announced >= 0) {
                    return new Target(parent, announced);
                }
            }
            return new Target(paths.canonical(presentation), track);
        } catch (MediaCatalog.MalformedPathException e) {
            throw new RefusedException(RtspStatus.BAD_REQUEST, e.getMessage());
        } catch (MediaCatalog.MediaForbiddenException e) {
            throw new RefusedException(RtspStatus.FORBIDDEN, e.getMessage());
        }
    }

    /**
     * The target's source. A target that named nothing when access was decided is missing, even if a file
     * appeared since: its decision was about the nearest existing folder, not about that file.
     */
    MediaSource source(Target target) throws RefusedException {
        try {
            return paths.resolve(target.canonical()).source();
        } catch (MediaCatalog.MediaNotFoundException e) {
            throw new RefusedException(RtspStatus.NOT_FOUND, e.getMessage());
        } catch (MediaCatalog.MediaForbiddenException e) {
            throw new RefusedException(RtspStatus.FORBIDDEN, e.getMessage());
        } catch (StreamUnavailableException e) {
            // the reason (a local broadcaster that did not publish) goes to the client too, as the body
            throw new RefusedException(new Refusal(RtspStatus.SERVICE_UNAVAILABLE, e.getMessage(), Level.WARNING,
                    List.of(), 0, e.getMessage(), null));
        } catch (UnsupportedMediaException e) {
            throw new RefusedException(RtspStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        }
    }
}
