package org.tributary.stream;

import org.tributary.catalog.CanonicalPath;
import org.tributary.catalog.MediaCatalog;
import org.tributary.catalog.MediaCatalog.MalformedPathException;
import org.tributary.catalog.MediaCatalog.MediaForbiddenException;
import org.tributary.catalog.MediaCatalog.MediaNotFoundException;
import org.tributary.source.MediaSource;
import org.tributary.source.UnsupportedMediaException;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is at a path: a running stream registered there (shared by its readers), or else a file of the
 * media catalogue (read per session). The one place a request path is resolved: its canonical spelling,
 * and through it the path access is decided on, are the catalogue's for both kinds, so a stream under a
 * protected folder is protected like the files beside it. A stream shadows a file of the same path.
 */
public final class PathRegistry {

    private final MediaCatalog catalog;
    private final Map<String, StreamSource> streams = new ConcurrentHashMap<>();
    private volatile OnDemand onDemand = canonicalPath -> { };

    public PathRegistry(MediaCatalog catalog) {
        this.catalog = catalog;
    }

    /** Consulted when a path has no stream: a source defined for it (a local broadcaster) may start one. */
    public interface OnDemand {
        /**
         * Returns at once when no source is defined for the path; otherwise starts it if needed and returns
         * when it registered its stream, blocking the request thread at most the source's start timeout.
         *
         * @param canonicalPath the path asked for, which has no stream now
         * @throws StreamUnavailableException when the source did not publish in time or was stopped
         */
        void await(String canonicalPath) throws StreamUnavailableException;
    }

    /** Sets the one on-demand provider (the adapter's local broadcasters). */
    public void onDemand(OnDemand provider) {
        this.onDemand = provider;
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
     * access was decided) is not found, even if a file appeared since; a stream needs no file. A path without
     * a stream asks the {@link OnDemand} provider first.
     *
     * @throws StreamUnavailableException when an on-demand source defined for the path did not publish
     */
    public Entry resolve(CanonicalPath canonical) throws MediaNotFoundException, MediaForbiddenException,
            UnsupportedMediaException, StreamUnavailableException {
        StreamSource stream = streams.get(canonical.path());
        if (stream == null) {
            onDemand.await(canonical.path());
            stream = streams.get(canonical.path());
        }
        if (stream != null) {
            return new StreamEntry(canonical, stream);
        }
        if (!canonical.exists()) {
            throw new MediaNotFoundException("no media file '" + canonical.path() + "'");
        }
        return new FileEntry(canonical, catalog.source(canonical.path()));
    }

    /** The entry of a decoded request path. */
    public Entry resolve(String requestPath) throws MalformedPathException, MediaNotFoundException,
            MediaForbiddenException, UnsupportedMediaException, StreamUnavailableException {
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

    public int streamCount() {
        return streams.size();
    }
}
