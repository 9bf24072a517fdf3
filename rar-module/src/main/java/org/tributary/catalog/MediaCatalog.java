package org.tributary.catalog;

import org.tributary.api.access.MediaPaths;
import org.tributary.source.MediaSource;
import org.tributary.source.UnsupportedMediaException;
import org.tributary.source.file.FileSources;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
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

    /** A path with no canonical spelling (answered 400). */
    public static final class MalformedPathException extends Exception {
        public MalformedPathException(String message) {
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
     * The canonical path of a request path: decoded dot segments and repeated slashes resolved, then the
     * longest existing part replaced by its real path relative to the real root (symbolic links followed;
     * the file system's own spelling where it gives one, e.g. the stored case on a case-insensitive one).
     * Access is decided on it and files are looked up through it, so the two can never differ.
     *
     * @param requestPath a path decoded once, relative to the root, e.g. {@code movies/a.mp4}
     * @throws MalformedPathException  a control character, backslash, double encoding or invalid escape
     * @throws MediaForbiddenException a path or link leading out of the media folder
     */
    public CanonicalPath canonical(String requestPath) throws MalformedPathException, MediaForbiddenException {
        String lexical;
        try {
            lexical = MediaPaths.normalize(requestPath);
        } catch (MediaPaths.BadPathException e) {
            if (e.leavesRoot()) {
                throw new MediaForbiddenException(e.getMessage());
            }
            throw new MalformedPathException(e.getMessage());
        }
        Path root = this.root;
        Path realRoot = realOrNull(root);
        if (realRoot == null) {
            return new CanonicalPath(lexical, false, "", root);
        }
        String[] segments = lexical.isEmpty() ? new String[0] : lexical.split("/");
        Path real = realOrNull(root.resolve(lexical));
        int existing = segments.length;
        if (real == null) {
            // A missing name hides everything below it: find the longest existing part from the root down.
            real = realRoot;
            existing = 0;
            for (Path next; existing < segments.length - 1
                    && (next = realOrNull(real.resolve(segments[existing]))) != null; existing++) {
                real = next;
            }
        }
        if (!real.startsWith(realRoot)) {
            throw new MediaForbiddenException("'" + MediaPaths.printable(requestPath) + "' links outside the media folder");
        }
        String existingPart = storedNames(realRoot, realRoot.relativize(real));
        String missing = String.join("/", Arrays.copyOfRange(segments, existing, segments.length));
        String path = missing.isEmpty() ? existingPart : existingPart.isEmpty() ? missing : existingPart + "/" + missing;
        return new CanonicalPath(path, existing == segments.length, existingPart, real);
    }

    /**
     * The file a request path names, through its canonical path, checked to lie inside the root.
     *
     * @param requestPath a decoded path relative to the root, e.g. {@code movies/a.mp4}
     */
    public Path resolve(String requestPath) throws MediaNotFoundException, MediaForbiddenException {
        CanonicalPath canonical;
        try {
            canonical = canonical(requestPath);
        } catch (MalformedPathException e) {
            throw new MediaForbiddenException(e.getMessage());
        }
        if (!canonical.exists() || !Files.isRegularFile(canonical.real())) {
            throw new MediaNotFoundException("no media file '" + MediaPaths.printable(canonical.path()) + "'");
        }
        return canonical.real();
    }

    /** The real path, or null when nothing (or a dangling link) is there. */
    private static Path realOrNull(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A relative real path with each name as its directory stores it. toRealPath gives the stored case on
     * Windows and macOS but not on Linux case-folding file systems (vfat, ext4 casefold): where a name's
     * other case names something too, the directory listing says which spelling is stored.
     */
    private static String storedNames(Path realRoot, Path relative) {
        StringJoiner joined = new StringJoiner("/");
        Path dir = realRoot;
        for (Path element : relative) {
            String name = element.toString();
            if (!name.isEmpty()) {
                String stored = storedName(dir, name);
                joined.add(stored);
                dir = dir.resolve(stored);
            }
        }
        return joined.toString();
    }

    private static String storedName(Path dir, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String other = lower.equals(name) ? name.toUpperCase(Locale.ROOT) : lower;
        if (other.equals(name) || !Files.exists(dir.resolve(other), LinkOption.NOFOLLOW_LINKS)) {
            return name; // no letters, or the other case names nothing: no folding here
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                entry -> entry.getFileName().toString().equalsIgnoreCase(name))) {
            String folded = name;
            for (Path entry : entries) {
                String stored = entry.getFileName().toString();
                if (stored.equals(name)) {
                    return name; // a case-sensitive file system holding both spellings
                }
                folded = stored;
            }
            return folded;
        } catch (IOException e) {
            return name;
        }
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
}
