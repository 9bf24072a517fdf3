package org.tributary.channel;

import org.tributary.api.ChannelDefinition;
import org.tributary.api.playlist.PlaylistItem;
import org.tributary.catalog.MediaCatalog;
import org.tributary.catalog.MediaCatalog.MalformedPathException;
import org.tributary.catalog.MediaCatalog.MediaForbiddenException;
import org.tributary.catalog.MediaCatalog.MediaNotFoundException;
import org.tributary.engine.PlaybackScheduler;
import org.tributary.media.mp3.Id3Title;
import org.tributary.source.MediaSource;
import org.tributary.source.SourceTrack;
import org.tributary.source.UnsupportedMediaException;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Movie channels ({@link org.tributary.api.ChannelKind#STREAM}): the reference item's tracks become a live
 * stream at the mount, which RTSP (every transport, multicast) and live HLS serve like any broadcast. Items are
 * checked against the reference with {@link TrackMatch} before the channel starts and again as each opens.
 */
public final class StreamChannels implements ChannelKindSupport {

    private final MediaCatalog catalog;
    private final PathRegistry paths;
    private final PlaybackScheduler engine;
    private final StreamLimits limits;
    private final LongSupplier nanoClock;
    private final Clock clock;

    public StreamChannels(MediaCatalog catalog, PathRegistry paths, PlaybackScheduler engine, StreamLimits limits,
                          LongSupplier nanoClock, Clock clock) {
        this.catalog = catalog;
        this.paths = paths;
        this.engine = engine;
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.clock = clock;
    }

    @Override
    public List<String> check(ChannelDefinition definition) {
        List<String> problems = new ArrayList<>();
        try {
            paths.canonical(definition.mount()); // whether a stream there is free is known when it registers
        } catch (MalformedPathException | MediaForbiddenException e) {
            problems.add(definition.mount() + ": not a usable mount: " + e.getMessage());
        }
        String reference = reference(definition);
        MediaSource source;
        try {
            source = open(reference);
        } catch (ChannelFeeder.ItemRefusedException e) {
            problems.add(e.getMessage());
            return problems;
        }
        if (source.tracks().isEmpty()) {
            problems.add(reference + ": has no tracks to stream");
            return problems;
        }
        problems.addAll(checkItems(definition.playlist().items(), source.tracks()));
        return problems;
    }

    private static String reference(ChannelDefinition definition) {
        return definition.referenceItem() != null && !definition.referenceItem().isBlank() ? definition.referenceItem()
                : definition.playlist().items().get(0).path();
    }

    /** One line per problem of these items against the channel's tracks. */
    List<String> checkItems(List<PlaylistItem> items, List<SourceTrack> channelTracks) {
        List<String> problems = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        items.forEach(item -> distinct.add(item.path()));
        for (String path : distinct) {
            try {
                problems.addAll(TrackMatch.differences(path, channelTracks, open(path).tracks()));
            } catch (ChannelFeeder.ItemRefusedException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** Opens an item for play, refusing one that no longer matches the channel's tracks. */
    MediaSource openMatching(String path, List<SourceTrack> channelTracks) throws ChannelFeeder.ItemRefusedException {
        MediaSource source = open(path);
        List<String> differences = TrackMatch.differences(path, channelTracks, source.tracks());
        if (!differences.isEmpty()) {
            throw new ChannelFeeder.ItemRefusedException(String.join("; ", differences));
        }
        return source;
    }

    private MediaSource open(String path) throws ChannelFeeder.ItemRefusedException {
        try {
            MediaSource source = catalog.source(path);
            if (!source.seekable()) {
                throw new ChannelFeeder.ItemRefusedException(path + ": not a media file");
            }
            return source;
        } catch (MediaNotFoundException e) {
            throw new ChannelFeeder.ItemRefusedException(path + ": no such media file");
        } catch (MediaForbiddenException e) {
            throw new ChannelFeeder.ItemRefusedException(path + ": outside the media folder");
        } catch (UnsupportedMediaException e) {
            throw new ChannelFeeder.ItemRefusedException(path + ": cannot be streamed: " + e.getMessage());
        }
    }

    @Override
    public String title(String path) {
        String name = Path.of(path).getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".mp3")) {
            try {
                String title = Id3Title.read(catalog.resolve(path));
                if (title != null && !title.isBlank()) {
                    return title;
                }
            } catch (IOException | MediaNotFoundException | MediaForbiddenException e) {
                // the file name will do
            }
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public Channel start(ChannelDefinition definition, ChannelProgramme programme) throws ChannelStartException {
        List<SourceTrack> tracks;
        try {
            tracks = open(reference(definition)).tracks();
        } catch (ChannelFeeder.ItemRefusedException e) {
            throw new ChannelStartException(e.getMessage());
        }
        Stream stream = new Stream(definition.mount(), tracks, limits, nanoClock);
        String mount;
        try {
            mount = paths.register(definition.mount(), stream);
        } catch (MalformedPathException | MediaForbiddenException | IllegalStateException e) {
            throw new ChannelStartException(definition.mount() + ": " + e.getMessage());
        }
        StreamChannel channel = new StreamChannel(mount, stream, programme, this, paths, clock.instant());
        engine.schedule(channel.feeder());
        return channel;
    }
}
