package org.tributary.mp3http;

import org.tributary.catalog.CanonicalPath;
import org.tributary.catalog.MediaCatalog;
import org.tributary.catalog.ParsedFileCache;
import org.tributary.stream.PathRegistry;
import org.tributary.media.MediaFormatException;
import org.tributary.media.mp3.Id3Title;
import org.tributary.media.mp3.Mp3File;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.logging.Logger;

/**
 * The MP3 files streamed over HTTP, each indexed once and shared by all its listeners (an index is a
 * frame table; frames are read with positioned reads). Paths go through the path registry (the media catalogue), so a path
 * leaving the media folder is refused exactly as for RTSP; a file replaced on disk is indexed again, and one
 * that is not MPEG audio is refused from memory until it changes.
 */
final class Mp3Library {

    private static final Logger LOG = Logger.getLogger(Mp3Library.class.getName());
    private static final int MAX_OPEN = 1000;

    /** One indexed file, the title its listeners see and the body they get. */
    record Track(Mp3File file, String title, Mp3Body body) {
    }

    private final PathRegistry paths;
    private final ParsedFileCache<Track> open = new ParsedFileCache<>(MAX_OPEN);

    Mp3Library(PathRegistry paths) {
        this.paths = paths;
    }

    /** The catalogue's canonical path of a decoded request path. */
    CanonicalPath canonical(String path) throws MediaCatalog.MalformedPathException, MediaCatalog.MediaForbiddenException {
        return paths.canonical(path);
    }

    /** The file a request path names: 403 outside the media folder, 404 missing, 415 not MPEG audio. */
    Track track(String path) throws HttpRefusal {
        Path file;
        try {
            file = paths.file(path);
        } catch (MediaCatalog.MediaForbiddenException e) {
            throw HttpRefusal.forbidden(e.getMessage());
        } catch (MediaCatalog.MediaNotFoundException e) {
            throw HttpRefusal.notFound(e.getMessage());
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw HttpRefusal.notFound("no media file '" + Mp3HttpRequest.printable(path) + "'");
        }
        ParsedFileCache.Outcome<Track> outcome = open.get(file, attributes.size(),
                attributes.lastModifiedTime().toMillis(), f -> index(path, f));
        if (outcome.failure() instanceof HttpRefusal refusal) {
            throw refusal;
        }
        if (outcome.failure() != null) {
            throw HttpRefusal.unsupportedMediaType("'" + Mp3HttpRequest.printable(path) + "' cannot be read: "
                    + outcome.failure().getMessage());
        }
        return outcome.value();
    }

    /** @throws IOException when the file cannot be read now (not remembered: the next request tries again) */
    private static Track index(String path, Path file) throws HttpRefusal, IOException {
        Mp3File mp3;
        try {
            mp3 = Mp3File.open(file);
        } catch (MediaFormatException | RuntimeException e) {
            String why = "'" + Mp3HttpRequest.printable(path) + "' is not MPEG audio: " + e.getMessage();
            LOG.warning(why + " (refused until the file changes)");
            throw HttpRefusal.unsupportedMediaType(why);
        }
        String title;
        try {
            title = Id3Title.read(file);
        } catch (IOException e) {
            title = null;
        }
        if (title == null) {
            String name = file.getFileName().toString();
            title = name.substring(0, name.length() - ".mp3".length());
        }
        LOG.info("indexed " + path + " for HTTP: " + mp3.frameCount() + " frames, " + mp3.bitrate() / 1000 + " kbit/s, '"
                + title + "'");
        return new Track(mp3, title, new Mp3Body(mp3));
    }
}
