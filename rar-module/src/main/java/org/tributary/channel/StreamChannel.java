package org.tributary.channel;

import org.tributary.api.playlist.PlaylistItem;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;

import java.time.Instant;
import java.util.List;

/** A movie channel: a {@link Stream} registered at the mount and the {@link ChannelFeeder} that writes it. */
final class StreamChannel implements Channel {

    private final String mount;
    private final Stream stream;
    private final ChannelProgramme programme;
    private final StreamChannels kind;
    private final PathRegistry paths;
    private final Instant startedAt;
    private ChannelFeeder feeder;

    StreamChannel(String mount, Stream stream, ChannelProgramme programme, StreamChannels kind, PathRegistry paths,
                  Instant startedAt) {
        this.mount = mount;
        this.stream = stream;
        this.programme = programme;
        this.kind = kind;
        this.paths = paths;
        this.startedAt = startedAt;
    }

    /** The feeder, made once the stream is registered; when it stops on its own the stream ends. */
    ChannelFeeder feeder() {
        if (feeder == null) {
            feeder = new ChannelFeeder(stream, programme, path -> kind.openMatching(path, stream.tracks()),
                    () -> paths.unregister(mount, stream));
        }
        return feeder;
    }

    @Override
    public String mount() {
        return mount;
    }

    @Override
    public ChannelProgramme programme() {
        return programme;
    }

    @Override
    public String state() {
        return feeder().state();
    }

    @Override
    public int audience() {
        return stream.readerCount();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public List<String> check(List<PlaylistItem> items) {
        return kind.checkItems(items, stream.tracks());
    }

    @Override
    public void stop() {
        feeder().stop();
        paths.unregister(mount, stream);
    }
}
