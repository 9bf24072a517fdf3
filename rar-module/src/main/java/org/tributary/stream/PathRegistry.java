package org.tributary.stream;

import org.tributary.catalog.CanonicalPath;
import org.tributary.catalog.MediaCatalog;
import org.tributary.catalog.MediaCatalog.MalformedPathException;
import org.tributary.catalog.MediaCatalog.MediaForbiddenException;
import org.tributary.catalog.MediaCatalog.MediaNotFoundException;
import org.tributary.source.MediaSource;
import org.tributary.source.UnsupportedMediaException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What is at a path: a running stream registered there (shared by its readers), or else a file of the
 * media catalogue (read per session). The one place a request path is resolved: its canonical spelling,
 * and through it the path access is decided on, are the catalogue's for both kinds, so a stream under a
 * protected folder is protected like the files beside it. A stream shadows a file of the same path.
 */
public final class PathRegistry {

    private final MediaCatalog catalog;
    private final Map<String, StreamSource> streams = new ConcurrentHashMap<>();
    private final List<OnDemand> onDemand = new CopyOnWriteArrayList<>();

    /**
     * Starts a stream at a path that has none when a reader asks for it (an {@code .sdp} file describing a
     * live source, a local broadcaster): it registers the stream itself and returns it.
     */
    @FunctionalInterface
    public interface OnDemand {
        /**
         * @return the stream now registered at the path, or null when this source has nothing to start there
         * @throws UnsupportedMediaException when the source is there but cannot be started (told to the reader)
         */
        Stream start(CanonicalPath canonical) throws UnsupportedMediaException;
    }

    /** Adds a source consulted, in order, for a path that has no stream. */
    public void onDemand(OnDemand source) {
        onDemand.add(source);
    }

    public PathRegistry(MediaCatalog catalog) {
        this.catalog = catalog;
    }

    /** What a resolved path names, with the canonical path its access is decided on. */
    public sealed interface Entry permits FileEntry, StreamEntry {
        CanonicalPath canonical();

        /** The presentation a session plays. */
        MediaSource source();
    }

    /** A file, opened once and read from its own position by each session. */
    public record FileEntry(CanonicalPath canonical, MediaSource source) implements Entry {
    }

    /** A running stream, shared by every reader. */
    public record StreamEntry(CanonicalPath canonical, StreamSource source) implements Entry {
        public Stream stream() {
            return source.stream();
        }
    }

    /** The canonical path of a decoded request path (see {@link MediaCatalog#canonical}). */
    public CanonicalPath canonical(String requestPath) throws MalformedPathException, MediaForbiddenException {
        return catalog.canonical(requestPath);
    }

    /**
     * What a canonical path names now. A path that named no file when it was made canonical (and so when its
     * access was decided) is not found, even if a file appeared since; a stream needs no file.
     */
    public Entry resolve(CanonicalPath canonical)
            throws MediaNotFoundException, MediaForbiddenException, UnsupportedMediaException {
        StreamSource stream = streams.get(canonical.path());
        if (stream != null) {
            return new StreamEntry(canonical, stream);
        }
        for (OnDemand source : onDemand) {
            if (source.start(canonical) != null && (stream = streams.get(canonical.path())) != null) {
                return new StreamEntry(canonical, stream);
            }
        }
        if (!canonical.exists()) {
            throw new MediaNotFoundException("no media file '" + canonical.path() + "'");
        }
        return new FileEntry(canonical, catalog.source(canonical.path()));
    }

    /** The entry of a decoded request path. */
    public Entry resolve(String requestPath) throws MalformedPathException, MediaNotFoundException,
            MediaForbiddenException, UnsupportedMediaException {
        return resolve(canonical(requestPath));
    }

    /**
     * The file a request path names, for services that read files their own way (MP3 over HTTP).
     *
     * @throws MediaNotFoundException when nothing is there
     * @throws MediaForbiddenException when the path leads out of the media folder
     */
    public Path file(String requestPath) throws MediaNotFoundException, MediaForbiddenException {
        return catalog.resolve(requestPath);
    }

    /**
     * Serves a stream at a path until it is unregistered.
     *
     * @return the canonical path it is served at
     * @throws IllegalStateException when another stream is registered there
     */
    public String register(String requestPath, Stream stream) throws MalformedPathException, MediaForbiddenException {
        String path = canonical(requestPath).path();
        if (streams.putIfAbsent(path, new StreamSource(stream)) != null) {
            throw new IllegalStateException("a stream is already served at '" + path + "'");
        }
        return path;
    }

    /** Stops serving the stream at its canonical path and ends it, which finishes its readers. */
    public boolean unregister(String canonicalPath, Stream stream) {
        StreamSource current = streams.get(canonicalPath);
        if (current == null || current.stream() != stream || !streams.remove(canonicalPath, current)) {
            return false;
        }
        stream.end();
        return true;
    }

    /** The stream served at a canonical path now, or null; never starts an on-demand source. */
    public Stream streamAt(String canonicalPath) {
        StreamSource source = streams.get(canonicalPath);
        return source == null ? null : source.stream();
    }

    /** The canonical paths streams are served at now, sorted. */
    public List<String> streamPaths() {
        return streams.keySet().stream().sorted().toList();
    }

    public int streamCount() {
        return streams.size();
    }

    /** The sessions reading any of the streams now. */
    public int liveViewers() {
        int viewers = 0;
        for (StreamSource source : streams.values()) {
            viewers += source.stream().readerCount();
        }
        return viewers;
    }
}
