package org.tributary.channel;

import org.tributary.api.ChannelDefinition;
import org.tributary.api.playlist.PlaylistItem;
import org.tributary.catalog.CanonicalPath;
import org.tributary.catalog.MediaCatalog;
import org.tributary.engine.PlaybackScheduler;
import org.tributary.media.mp3.Id3Title;
import org.tributary.media.mp3.Mp3File;
import org.tributary.mp3http.Mp3Station;
import org.tributary.mp3http.Mp3Stations;
import org.tributary.mp3http.StationHeaders;
import org.tributary.stream.PathRegistry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Radio channels (Darwin's MP3Broadcaster, inside the server): MP3 songs from the media catalogue played into
 * an {@code mp3http} station at the channel's mount, which listeners get over HTTP with ICY metadata. Every
 * item must be a readable MP3 file; songs may differ in bit rate, but players expect one sample rate.
 */
public final class RadioChannels implements ChannelKindSupport {

    private final PathRegistry paths;
    private final Mp3Stations stations;
    private final PlaybackScheduler engine;
    private final Clock clock;

    public RadioChannels(PathRegistry paths, Mp3Stations stations, PlaybackScheduler engine, Clock clock) {
        this.paths = paths;
        this.stations = stations;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public List<String> check(ChannelDefinition definition) {
        List<String> problems = new ArrayList<>();
        try {
            paths.canonical(definition.mount());
        } catch (MediaCatalog.MalformedPathException | MediaCatalog.MediaForbiddenException e) {
            problems.add(definition.mount() + ": " + e.getMessage());
        }
        problems.addAll(problems(definition.playlist().items()));
        return problems;
    }

    /** Why each of these items cannot play (missing, outside the media folder, not MPEG audio): "path: why". */
    List<String> problems(List<PlaylistItem> items) {
        Set<String> distinct = new LinkedHashSet<>();
        items.forEach(item -> distinct.add(item.path()));
        List<String> problems = new ArrayList<>();
        for (String path : distinct) {
            try (Mp3File song = open(path)) {
                if (song.frameCount() == 0) {
                    problems.add(path + ": no MPEG audio frames");
                }
            } catch (IOException e) {
                problems.add(path + ": " + e.getMessage());
            } catch (RuntimeException e) {
                problems.add(path + ": not a readable MP3 file (" + e + ")");
            }
        }
        return problems;
    }

    @Override
    public String title(String path) {
        try {
            String title = Id3Title.read(file(path));
            if (title != null && !title.isBlank()) {
                return title;
            }
        } catch (IOException e) {
            // no readable tag: the file name says it
        }
        String name = Path.of(path).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public Channel start(ChannelDefinition definition, ChannelProgramme programme) throws ChannelStartException {
        CanonicalPath mount;
        try {
            mount = paths.canonical(definition.mount());
        } catch (MediaCatalog.MalformedPathException | MediaCatalog.MediaForbiddenException e) {
            throw new ChannelStartException(definition.mount() + ": " + e.getMessage());
        }
        StationHeaders headers = new StationHeaders(definition.title() != null && !definition.title().isBlank()
                ? definition.title() : definition.name(), definition.genre(), definition.description());
        Mp3Station.Feed feed;
        try {
            feed = stations.openPlaylist(mount.path(), headers);
        } catch (Mp3Stations.MountTaken e) {
            throw new ChannelStartException(e.getMessage());
        }
        RadioFeeder feeder = new RadioFeeder(programme, feed, this::open);
        engine.schedule(feeder);
        return new RadioChannel(this, programme, feed.station(), feeder, clock.instant());
    }

    private Mp3File open(String path) throws IOException {
        return Mp3File.open(file(path));
    }

    private Path file(String path) throws IOException {
        try {
            return paths.file(path);
        } catch (MediaCatalog.MediaNotFoundException e) {
            throw new IOException(e.getMessage());
        } catch (MediaCatalog.MediaForbiddenException e) {
            throw new IOException(e.getMessage());
        }
    }
}
