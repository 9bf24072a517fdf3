package org.tributary.hls;

import org.tributary.api.HlsReply;
import org.tributary.api.HlsRequest;
import org.tributary.api.HlsToken;
import org.tributary.api.settings.CorsOrigin;
import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessRequest;
import org.tributary.api.access.Credentials;
import org.tributary.api.access.MediaPaths;
import org.tributary.auth.AuthorizationReader;
import org.tributary.auth.Verdict;
import org.tributary.catalog.CanonicalPath;
import org.tributary.rtsp.header.WwwAuthenticate;
import org.tributary.catalog.MediaCatalog;
import org.tributary.catalog.ParsedFileCache;
import org.tributary.media.MediaFormatException;
import org.tributary.source.UnsupportedMediaException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HLS for the files of the media folder and, through {@link LiveHls}, the live streams: answers a resource name under a file's path with its bytes or a
 * refusal. A file is parsed and planned once per version; segments are made on request and kept in the
 * bounded {@link SegmentCache}. The caller (the outbound connection) decides access first.
 */
public final class HlsService {

    private static final Logger LOG = Logger.getLogger(HlsService.class.getName());
    private static final Pattern SEGMENT = Pattern.compile("seg(0|[1-9][0-9]{0,8})\\.m4s");
    /** A Low-Latency HLS part of a live stream's segment. */
    private static final Pattern PART = Pattern.compile("part(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,4})\\.m4s");
    private static final int MAX_FILES = 10_000;
    /** The protocol of HLS's access questions: HTTP, as MP3 over HTTP. */
    static final String PROTOCOL = "http";

    private final MediaCatalog catalog;
    private final HlsAccess access;
    private final HlsTokens tokens;
    private final HlsViewings viewings;
    private final ParsedFileCache<HlsPresentation> presentations = new ParsedFileCache<>(MAX_FILES);
    private final SegmentCache segments;
    private volatile int targetSeconds;
    private volatile String corsOrigin;
    private volatile LiveHls live;

    public HlsService(MediaCatalog catalog, HlsAccess access, HlsTokens tokens, HlsViewings viewings,
                      int targetSeconds, long cacheBytes) {
        this.catalog = catalog;
        this.access = access;
        this.tokens = tokens;
        this.viewings = viewings;
        this.targetSeconds = targetSeconds;
        this.segments = new SegmentCache(cacheBytes);
    }

    /** The live streams' HLS: a path with a stream is answered there, any other as a file. */
    public void live(LiveHls live) {
        this.live = live;
    }

    /** The origin every answer allows ({@link CorsOrigin} text: "none", "*" or one origin). */
    public void corsOrigin(String setting) {
        corsOrigin = CorsOrigin.parse(setting);
    }

    /** A new target duration: files are planned again at their next request. */
    public void targetDuration(int seconds) {
        targetSeconds = seconds;
        presentations.clear();
    }

    public void cacheBytes(long bytes) {
        segments.resize(bytes);
    }

    /**
     * A token for the file at {@code mediaPath} good for {@code seconds}.
     *
     * @throws IllegalArgumentException for a malformed path, one outside the media folder, or a lifetime out of range
     */
    public HlsToken mintToken(String mediaPath, long seconds) {
        try {
            return tokens.mint(catalog.canonical(mediaPath).path(), seconds);
        } catch (MediaCatalog.MalformedPathException | MediaCatalog.MediaForbiddenException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The resource ("index.m3u8", "media.m3u8", "init.mp4", "seg&lt;N&gt;.m4s") of the file the request names, if
     * its token is good for the file, or else if the access rules let the client read it.
     */
    public HlsReply get(HlsRequest request) {
        return answer(request).withAllowOrigin(corsOrigin);
    }

    private HlsReply answer(HlsRequest request) {
        String name = request.name();
        Matcher segment = SEGMENT.matcher(name);
        boolean part = PART.matcher(name).matches();
        boolean known = segment.matches() || part || name.equals("index.m3u8") || name.equals(Playlists.MEDIA)
                || name.equals(Playlists.INIT);
        if (!known) {
            return HlsReply.refused(404, "no HLS resource '" + MediaPaths.printable(name)
                    + "': index.m3u8, media.m3u8, init.mp4, seg<N>.m4s and (live) part<N>.<i>.m4s are");
        }
        CanonicalPath canonical;
        try {
            canonical = catalog.canonical(request.mediaPath());
        } catch (MediaCatalog.MalformedPathException e) {
            return HlsReply.refused(400, e.getMessage());
        } catch (MediaCatalog.MediaForbiddenException e) {
            return HlsReply.refused(403, e.getMessage());
        }
        Admission admission = admit(request, canonical.path());
        if (admission.refusal() != null) {
            return admission.refusal();
        }
        String mediaPath = canonical.path();
        String overLimit = viewings.refusal(mediaPath, request.token(), request.clientAddress(), admission.user());
        if (overLimit != null) {
            return HlsReply.refused(503, overLimit);
        }
        LiveHls streams = live;
        String uri = request.requestUri();
        int q = uri == null ? -1 : uri.indexOf('?');
        HlsReply fromStream = streams == null ? null : streams.resource(canonical, name, q < 0 ? null : uri.substring(q + 1));
        if (fromStream != null) {
            if (fromStream.ok()) {
                viewings.served(mediaPath, request.token(), request.clientAddress(), request.userAgent(),
                        admission.user(), fromStream.body().length, 0);
            }
            return fromStream;
        }
        if (part) {
            return HlsReply.refused(404, mediaPath + " is a file: its HLS has segments, not parts");
        }
        HlsPresentation p;
        try {
            p = presentation(mediaPath);
        } catch (MediaCatalog.MediaNotFoundException e) {
            return HlsReply.refused(404, e.getMessage());
        } catch (MediaCatalog.MediaForbiddenException e) {
            return HlsReply.refused(403, e.getMessage());
        } catch (UnplayableException e) {
            return HlsReply.refused(415, e.getMessage());
        }
        HlsReply reply = resource(p, mediaPath, name, segment);
        if (reply.ok()) {
            viewings.served(mediaPath, request.token(), request.clientAddress(), request.userAgent(), admission.user(),
                    reply.body().length, p.durationSeconds());
        }
        return reply;
    }

    private HlsReply resource(HlsPresentation p, String mediaPath, String name, Matcher segment) {
        if (name.equals("index.m3u8")) {
            return text(p.multivariantPlaylist());
        }
        if (name.equals(Playlists.MEDIA)) {
            return text(p.mediaPlaylist());
        }
        if (name.equals(Playlists.INIT)) {
            return HlsReply.of(HlsReply.INIT_TYPE, p.init());
        }
        int index = Integer.parseInt(segment.group(1));
        if (index >= p.segmentCount()) {
            return HlsReply.refused(404, mediaPath + " has " + p.segmentCount() + " segments: no " + name);
        }
        SegmentCache.Key key = new SegmentCache.Key(p, index);
        byte[] bytes = segments.get(key);
        if (bytes == null) {
            try {
                bytes = p.segment(index);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "HLS segment " + index + " of " + mediaPath + " cannot be read: " + e, e);
                return HlsReply.refused(500, mediaPath + ": segment " + index + " cannot be read: " + e.getMessage());
            }
            segments.put(key, bytes);
        }
        return HlsReply.of(HlsReply.SEGMENT_TYPE, bytes);
    }

    /** The refusal of a request, or none and the user it was allowed for (null: anonymous or a token). */
    private record Admission(HlsReply refusal, String user) {
        static final Admission ANONYMOUS = new Admission(null, null);
    }

    private Admission admit(HlsRequest request, String path) {
        if (request.token() != null) {
            return switch (tokens.check(path, request.token())) {
                case VALID -> Admission.ANONYMOUS;
                case EXPIRED -> new Admission(HlsReply.refused(403, "the token for " + MediaPaths.printable(path)
                        + " has expired"), null);
                case INVALID -> new Admission(HlsReply.refused(403, "the token is not valid for "
                        + MediaPaths.printable(path)), null);
            };
        }
        Credentials credentials;
        try {
            credentials = AuthorizationReader.read(request.authorization(), "GET");
        } catch (IllegalArgumentException e) {
            return new Admission(HlsReply.refused(400, e.getMessage()), null);
        }
        Verdict verdict = access.check(new AccessRequest(PROTOCOL, AccessAction.READ, path, request.clientAddress(),
                request.userAgent(), credentials), request.requestUri());
        return new Admission(refusal(verdict), verdict.user());
    }

    private static HlsReply refusal(Verdict verdict) {
        return switch (verdict.kind()) {
            case ALLOWED -> null;
            case UNAUTHORIZED -> HlsReply.refused(401, "credentials needed: " + verdict.reason(),
                    verdict.challenges().stream().map(WwwAuthenticate::format).toList());
            case FORBIDDEN -> HlsReply.refused(403, "refused: " + verdict.reason());
            case UNAVAILABLE -> HlsReply.refused(503, "access cannot be decided now: " + verdict.reason());
        };
    }

    /** Bytes held by the segment cache now. */
    public long cachedBytes() {
        return segments.bytes();
    }

    private HlsPresentation presentation(String mediaPath)
            throws MediaCatalog.MediaNotFoundException, MediaCatalog.MediaForbiddenException, UnplayableException {
        Path file = catalog.resolve(mediaPath);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new MediaCatalog.MediaNotFoundException("no media file '" + mediaPath + "'");
        }
        int target = targetSeconds;
        ParsedFileCache.Outcome<HlsPresentation> outcome = presentations.get(file, a.size(),
                a.lastModifiedTime().toMillis(), f -> HlsPresentation.open(f, mediaPath, target));
        Exception e = outcome.failure();
        if (e instanceof UnsupportedMediaException) {
            throw new UnplayableException(e.getMessage());
        }
        if (e instanceof MediaFormatException) {
            throw new UnplayableException(mediaPath + " cannot be played as HLS (MP4 and QuickTime files only): "
                    + e.getMessage());
        }
        if (e != null) {
            throw new UnplayableException(mediaPath + " cannot be read: " + e.getMessage());
        }
        return outcome.value();
    }

    private static HlsReply text(String playlist) {
        return HlsReply.of(HlsReply.PLAYLIST_TYPE, playlist.getBytes(StandardCharsets.UTF_8));
    }

    /** The file is there but HLS cannot serve it. */
    private static final class UnplayableException extends Exception {
        UnplayableException(String message) {
            super(message);
        }
    }
}
