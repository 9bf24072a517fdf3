package org.tributary.catalog;

import org.tributary.api.MediaFileInfo;
import org.tributary.api.MediaTrackInfo;
import org.tributary.media.mp3.Mp3File;
import org.tributary.media.mp4.Mp4File;
import org.tributary.media.mp4.Mp4Track;
import org.tributary.source.MediaSource;
import org.tributary.source.UnsupportedMediaException;
import org.tributary.source.file.FileSources;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lists what the media folder holds for the console: every file, its tracks read from the headers, and
 * whether a client could play it, decided the way a DESCRIBE decides (through the {@link MediaCatalog}),
 * so the console never says "playable" about a file a player would get an error for. Results are kept per
 * file and reused until its size or modification time changes.
 */
public final class CatalogueScanner {

    /** A folder with more files than this is listed only in part (the console is not a file manager). */
    static final int MAX_FILES = 10_000;

    private record Cached(long size, long modified, MediaFileInfo info) {
    }

    private final MediaCatalog catalog;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    public CatalogueScanner(MediaCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every visible file under the media root, sorted by path; empty when the root does not exist. */
    public List<MediaFileInfo> scan() throws IOException {
        Path root = catalog.root();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(file) && !darwinAccessFile(file)) {
                    files.add(file);
                }
                return files.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // an unreadable folder is skipped, not fatal
            }
        });
        List<MediaFileInfo> out = new ArrayList<>();
        for (Path file : files) {
            out.add(inspect(root, file));
        }
        out.sort(Comparator.comparing(MediaFileInfo::path));
        cache.keySet().removeIf(path -> !path.startsWith(root) || !Files.exists(path));
        return out;
    }

    private MediaFileInfo inspect(Path root, Path file) {
        String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return new MediaFileInfo(relative, 0, null, Double.NaN, false, false, "cannot be read: " + e.getMessage(),
                    List.of());
        }
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        Cached cached = cache.get(file);
        if (cached != null && cached.size == size && cached.modified == modified) {
            return cached.info;
        }
        MediaFileInfo info = describe(relative, file, size, attributes.lastModifiedTime().toInstant());
        cache.put(file, new Cached(size, modified, info));
        return info;
    }

    private MediaFileInfo describe(String relative, Path file, long size, java.time.Instant modified) {
        String problem = null;
        double duration = Double.NaN;
        try {
            MediaSource source = catalog.source(relative);
            duration = source.durationSeconds();
        } catch (MediaCatalog.MediaNotFoundException | MediaCatalog.MediaForbiddenException
                 | UnsupportedMediaException e) {
            problem = e.getMessage();
        }
        boolean playable = problem == null;
        boolean hinted = false;
        List<MediaTrackInfo> tracks = new ArrayList<>();
        if (FileSources.isMediaFile(file)) {
            try {
                if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp3")) {
                    try (Mp3File mp3 = Mp3File.open(file)) {
                        tracks.add(TrackDescriptions.of(mp3));
                        duration = Double.isNaN(duration) ? mp3.durationSeconds() : duration;
                    }
                } else {
                    try (Mp4File mp4 = Mp4File.open(file)) {
                        for (Mp4Track track : mp4.tracks()) {
                            tracks.add(TrackDescriptions.of(track));
                            hinted |= track.isHintTrack();
                        }
                        duration = Double.isNaN(duration) ? mp4.durationSeconds() : duration;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Playability is the catalogue's verdict above; the header reader only adds detail.
                tracks.clear();
            }
        }
        return new MediaFileInfo(relative, size, modified, duration, hinted, playable, problem, tracks);
    }

    private static boolean hidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    /** Darwin's per-folder access files live among the media but are not media. */
    private static boolean darwinAccessFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.equals("qtaccess") || name.equals("qtusers") || name.equals("qtgroups");
    }
}
