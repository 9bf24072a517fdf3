package org.tributary.ejb.channels;

import org.tributary.api.ChannelDefinition;
import org.tributary.api.ChannelKind;
import org.tributary.api.MediaFileInfo;
import org.tributary.api.playlist.ChannelConfig;
import org.tributary.api.playlist.DarwinConfigParser;
import org.tributary.api.playlist.DarwinPlaylistParser;
import org.tributary.api.playlist.DarwinPlaylistWriter;
import org.tributary.api.playlist.PlayMode;
import org.tributary.api.playlist.Playlist;
import org.tributary.api.playlist.PlaylistLimits;
import org.tributary.api.playlist.PlaylistSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A Darwin broadcaster's files as a channel and back: a {@code *PLAY-LIST*} text (with the playlists it
 * includes) and an optional {@code .config} text become a {@link ChannelSpec}; a channel is written as a
 * playlist and a {@code .config} that {@link DarwinConfigParser} reads back to the same mode, recent window,
 * up-next count, reference item and mount.
 * <p>
 * Darwin's playlists name movies by absolute paths in its movies folder; the import strips that folder
 * ({@link #DEFAULT_MEDIA_FOLDER} unless the request names another) to get paths under the media root, and
 * relative paths stay relative to the playlist's folder, as the parser resolves them. A path naming a folder
 * of the media catalogue becomes the playable files under it, in path order (only MP3s for a radio, none for
 * a stream). Every problem of either file is one {@code file:line: message}.
 */
public final class DarwinChannelFiles {

    /** Where Darwin kept its movies, and so the prefix its playlists' absolute paths start with. */
    public static final String DEFAULT_MEDIA_FOLDER = "/Library/QuickTimeStreaming/Movies/";
    /** Darwin's destination_sdp_file when none is set. */
    private static final String NO_NAME = "no_name";

    private DarwinChannelFiles() {
    }

    /**
     * What to import.
     *
     * @param name             the new channel's name
     * @param mount            its mount, or null to take the config's destination_sdp_file or broadcast_mount_point
     * @param kind             stream or radio, or null: radio when every item is an MP3
     * @param mediaFolder      the folder Darwin's absolute paths start with, or null for {@link #DEFAULT_MEDIA_FOLDER}
     * @param playlist         the {@code *PLAY-LIST*} text
     * @param playlistFileName its name, for messages and for resolving relative paths (default {@code <name>.ply})
     * @param config           the {@code .config} text, or null
     * @param configFileName   its name, for messages (default {@code <name>.config})
     * @param includes         the texts of included playlists by name (as the {@code +} lines name them)
     */
    public record ImportRequest(String name, String mount, ChannelKind kind, String mediaFolder, String playlist,
                                String playlistFileName, String config, String configFileName,
                                Map<String, String> includes) {
        public ImportRequest {
            includes = includes == null ? Map.of() : Map.copyOf(includes);
        }
    }

    /** The channel read from the files and what was accepted but looked wrong ({@code file:line: message}). */
    public record Imported(ChannelSpec spec, List<String> warnings) {
        public Imported {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads the files into a channel; its fields are not checked here ({@link ChannelFields} does).
     *
     * @param catalogue the media files, asked for only when an item may be a folder
     * @throws PlaylistSyntaxException with every problem of both files
     */
    public static Imported read(ImportRequest request, Supplier<List<MediaFileInfo>> catalogue)
            throws PlaylistSyntaxException {
        String name = request.name() == null ? "channel" : request.name();
        String playlistFile = blank(request.playlistFileName()) ? name + ".ply" : request.playlistFileName().strip();
        String configFile = blank(request.configFileName()) ? name + ".config" : request.configFileName().strip();
        Paths paths = new Paths(mediaFolder(request.mediaFolder()));
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        ChannelConfig config = ChannelConfig.defaults(name);
        if (!blank(request.config())) {
            try {
                DarwinConfigParser.Parsed parsed = new DarwinConfigParser(PlaylistLimits.DEFAULTS)
                        .parse(request.config(), configFile);
                config = parsed.config();
                warnings.addAll(parsed.warnings());
            } catch (PlaylistSyntaxException e) {
                errors.addAll(e.errors());
            }
        }

        Supplier<List<MediaFileInfo>> files = once(catalogue);
        DarwinPlaylistParser parser = new DarwinPlaylistParser(PlaylistLimits.DEFAULTS,
                included -> include(request.includes(), paths, included),
                path -> folder(files, paths, request.kind(), path));
        Playlist playlist = null;
        if (blank(request.playlist())) {
            errors.add(playlistFile + ":1: the playlist is empty; the first line must be " + DarwinPlaylistParser.HEADER);
        } else {
            try {
                playlist = parser.parse(request.playlist(), playlistFile);
            } catch (PlaylistSyntaxException e) {
                errors.addAll(e.errors());
            }
        }

        String reference = null;
        if (config.sdpReferenceMovie() != null && !config.sdpReferenceMovie().isBlank()) {
            try {
                reference = paths.media(config.sdpReferenceMovie().strip());
            } catch (IllegalArgumentException e) {
                errors.add(configFile + ": sdp_reference_movie: " + e.getMessage());
            }
        }
        String mount = blank(request.mount()) ? null : request.mount().strip();
        if (mount == null) {
            String fromConfig = !blank(config.destinationSdpFile()) && !NO_NAME.equals(config.destinationSdpFile())
                    ? config.destinationSdpFile() : config.broadcastMountPoint();
            if (!blank(fromConfig)) {
                try {
                    mount = paths.mount(fromConfig.strip());
                } catch (IllegalArgumentException e) {
                    errors.add(configFile + ": the mount: " + e.getMessage());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new PlaylistSyntaxException(errors);
        }

        List<ChannelSpec.Item> items = new ArrayList<>();
        playlist.items().forEach(i -> items.add(new ChannelSpec.Item(paths.media(i.path()), i.weight())));
        ChannelKind kind = request.kind() != null ? request.kind()
                : items.stream().allMatch(i -> isMp3(i.path())) ? ChannelKind.RADIO : ChannelKind.STREAM;
        int upcoming = config.maxUpcomingListSize();
        if (upcoming > ChannelDefinition.MAX_UPCOMING) {
            warnings.add(configFile + ": max_upcoming_list_size " + upcoming + " is more than "
                    + ChannelDefinition.MAX_UPCOMING + "; the channel shows " + ChannelDefinition.MAX_UPCOMING);
            upcoming = ChannelDefinition.MAX_UPCOMING;
        }
        boolean radio = kind == ChannelKind.RADIO;
        ChannelSpec spec = new ChannelSpec(request.name(), mount, kind, config.playMode(),
                Math.min(config.recentListSize(), ChannelSpec.MAX_RECENT), upcoming, items, radio ? null : reference,
                radio ? config.broadcastName() : null, radio ? config.broadcastGenre() : null, null);
        return new Imported(spec, warnings);
    }

    /** The channel's items as a {@code *PLAY-LIST*} text, paths under the media root. */
    public static String playlist(ChannelSpec spec) {
        return DarwinPlaylistWriter.write(spec.playlist());
    }

    /**
     * The channel's settings as a PlaylistBroadcaster (stream) or MP3Broadcaster (radio) {@code .config}; the
     * playlist is {@code <name>.ply}.
     */
    public static String config(ChannelSpec spec) {
        boolean radio = spec.kind() == ChannelKind.RADIO;
        StringBuilder out = new StringBuilder();
        out.append("# Tributary channel ").append(spec.name()).append(" (").append(radio ? "radio" : "stream")
                .append("), as a Darwin ").append(radio ? "MP3Broadcaster" : "PlaylistBroadcaster").append(" .config\n");
        line(out, "playlist_file", spec.name() + ".ply");
        line(out, "play_mode", spec.mode().configName());
        line(out, radio ? "recent_songs_list_size" : "recent_movies_list_size", Integer.toString(spec.recentWindow()));
        line(out, "max_upcoming_list_size", Integer.toString(spec.upcomingCount()));
        if (radio) {
            line(out, "broadcast_mount_point", "/" + spec.mount());
            if (spec.title() != null) {
                line(out, "broadcast_name", spec.title());
            }
            if (spec.genre() != null) {
                line(out, "broadcast_genre", spec.genre());
            }
        } else {
            line(out, "destination_sdp_file", spec.mount());
            if (spec.referenceItem() != null) {
                line(out, "sdp_reference_movie", spec.referenceItem());
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        boolean quote = value.isEmpty() || value.startsWith("\"") || value.chars().anyMatch(Character::isWhitespace);
        out.append(key).append(' ').append(quote ? "\"" + value + "\"" : value).append('\n');
    }

    static boolean isMp3(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".mp3");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** "/Library/QuickTimeStreaming/Movies" and "Library/.../Movies/" alike: "/Library/QuickTimeStreaming/Movies/". */
    static String mediaFolder(String folder) {
        if (blank(folder)) {
            return DEFAULT_MEDIA_FOLDER;
        }
        String f = folder.strip();
        return (f.startsWith("/") ? "" : "/") + f + (f.endsWith("/") ? "" : "/");
    }

    private static Optional<String> include(Map<String, String> includes, Paths paths, String resolved) {
        if (includes.containsKey(resolved)) {
            return Optional.of(includes.get(resolved));
        }
        String base = resolved.substring(resolved.lastIndexOf('/') + 1);
        for (Map.Entry<String, String> e : includes.entrySet()) {
            String key = e.getKey().strip();
            if (key.equals(base) || key.endsWith("/" + base) && sameMedia(paths, key, resolved)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private static boolean sameMedia(Paths paths, String a, String b) {
        try {
            return paths.media(a).equals(paths.media(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The playable files under a catalogue folder (names below it), or empty when the path is no folder. */
    private static Optional<List<String>> folder(Supplier<List<MediaFileInfo>> files, Paths paths, ChannelKind kind,
                                                 String resolved) {
        String folder = paths.media(resolved);
        String prefix = folder.isEmpty() ? "" : folder + "/";
        List<String> names = files.get().stream()
                .filter(f -> f.path().startsWith(prefix) && f.playable())
                .filter(f -> kind == null || (kind == ChannelKind.RADIO) == isMp3(f.path()))
                .map(f -> f.path().substring(prefix.length()))
                .sorted().toList();
        if (names.isEmpty() || files.get().stream().anyMatch(f -> f.path().equals(folder))) {
            return Optional.empty();
        }
        return Optional.of(names);
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        Objects.requireNonNull(supplier, "catalogue");
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** Darwin's paths to paths under the media root. */
    private record Paths(String mediaFolder) {

        /**
         * A resolved playlist path under the media root: the media folder stripped from an absolute one.
         *
         * @throws IllegalArgumentException for a path outside the media folder; the message says so
         */
        String media(String path) {
            if (path.startsWith("/")) {
                if (path.startsWith(mediaFolder)) {
                    return path.substring(mediaFolder.length());
                }
                if ((path + "/").equals(mediaFolder)) {
                    return "";
                }
                throw new IllegalArgumentException("it is outside the media folder " + mediaFolder
                        + " (name Darwin's movies folder as mediaFolder)");
            }
            if (path.equals("..") || path.startsWith("../")) {
                throw new IllegalArgumentException("it leaves the media folder");
            }
            return path;
        }

        /** A mount from a config: relative to the media folder like a path, a leading '/' alone dropped. */
        String mount(String path) {
            if (path.startsWith(mediaFolder)) {
                return media(path);
            }
            String m = path;
            while (m.startsWith("/")) {
                m = m.substring(1);
            }
            return media(m);
        }
    }
}
