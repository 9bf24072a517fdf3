package org.tributary.catalog;

import org.tributary.source.MediaSource;
import org.tributary.source.UnsupportedMediaException;
import org.tributary.source.file.FileSources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds and opens media under one root folder. A source is opened once and shared by every client of
 * that file; each lookup checks the file's size and modification time, so a replaced file is re-opened
 * and a deleted one is reported missing, with no restart.
 */
public final class MediaCatalog {

    private static final Logger LOG = Logger.getLogger(MediaCatalog.class.getName());

    /** Why a path cannot be served; each carries the status it is answered with. */
    public static final class MediaNotFoundException extends Exception {
        public MediaNotFoundException(String message) {
            super(message);
        }
    }

    public static final class MediaForbiddenException extends Exception {
        public MediaForbiddenException(String message) {
            super(message);
        }
    }

    /** Logged once per version of a file that cannot be parsed. */
    static final String REFUSED_UNTIL_CHANGED = " cannot be parsed (refused until the file changes): ";
    private static final int MAX_FILES = 100_000;

    private volatile Path root;
    private final ParsedFileCache<MediaSource> open = new ParsedFileCache<>(MAX_FILES);

    public MediaCatalog(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * Serves another folder from now on. Sessions already playing keep their open source; files of the
     * old folder are no longer found.
     */
    public synchronized void reroot(Path newRoot) {
        root = newRoot.toAbsolutePath().normalize();
        open.clear();
    }

    /**
     * The file a request path names, checked to lie inside the root.
     *
     * @param requestPath a decoded path relative to the root, e.g. {@code movies/a.mp4}
     */
    public Path resolve(String requestPath) throws MediaNotFoundException, MediaForbiddenException {
        Path root = this.root;
        if (requestPath.indexOf('\0') >= 0 || requestPath.indexOf('\\') >= 0) {
            throw new MediaForbiddenException("illegal character in path '" + printable(requestPath) + "'");
        }
        for (String segment : requestPath.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new MediaForbiddenException("path '" + printable(requestPath) + "' leaves the media folder");
            }
        }
        Path file = root.resolve(requestPath).normalize();
        if (!file.startsWith(root)) {
            throw new MediaForbiddenException("path '" + printable(requestPath) + "' leaves the media folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new MediaNotFoundException("no media file '" + printable(requestPath) + "'");
        }
        try {
            // A symbolic link may point anywhere: follow it and check again.
            Path real = file.toRealPath();
            Path realRoot = root.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new MediaForbiddenException("'" + printable(requestPath) + "' links outside the media folder");
            }
        } catch (IOException e) {
            throw new MediaNotFoundException("no media file '" + printable(requestPath) + "'");
        }
        return file;
    }

    /**
     * The shared source for a request path, opened (or re-opened after a change) as needed. A file that cannot
     * be parsed is refused from memory until it changes; parsing one file holds up no other.
     */
    public MediaSource source(String requestPath)
            throws MediaNotFoundException, MediaForbiddenException, UnsupportedMediaException {
        Path file = resolve(requestPath);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            open.removeIf(file::equals);
            throw new MediaNotFoundException("no media file '" + requestPath + "'");
        }
        ParsedFileCache.Outcome<MediaSource> outcome = open.get(file, attributes.size(),
                attributes.lastModifiedTime().toMillis(), f -> open(requestPath, f));
        if (outcome.failure() instanceof UnsupportedMediaException e) {
            throw e;
        }
        if (outcome.failure() != null) {
            throw new UnsupportedMediaException(requestPath + " cannot be read: " + outcome.failure().getMessage(),
                    outcome.failure());
        }
        return outcome.value();
    }

    private static MediaSource open(String requestPath, Path file) throws IOException, UnsupportedMediaException {
        MediaSource source;
        try {
            source = FileSources.open(file);
        } catch (UnsupportedMediaException e) {
            LOG.warning(requestPath + REFUSED_UNTIL_CHANGED + e.getMessage());
            throw e;
        } catch (RuntimeException e) { // a parser bug met a crafted file: the file is unusable, the server is fine
            LOG.log(Level.WARNING, requestPath + REFUSED_UNTIL_CHANGED + e, e);
            throw new UnsupportedMediaException(requestPath + " cannot be read: " + e, e);
        }
        LOG.info("opened " + requestPath + ": " + source.tracks().size() + " track(s), "
                + String.format("%.1f", source.durationSeconds()) + " s");
        return source;
    }

    /** Forgets sources whose files are gone. */
    public void evictMissing() {
        open.removeIf(path -> !Files.exists(path));
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
