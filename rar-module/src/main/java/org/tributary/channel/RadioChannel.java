package org.tributary.channel;

import org.tributary.api.playlist.PlaylistItem;
import org.tributary.mp3http.Mp3Station;

import java.time.Instant;
import java.util.List;

/** A running radio channel: its feeder playing the programme into the station at its mount. */
final class RadioChannel implements Channel {

    private final RadioChannels kind;
    private final ChannelProgramme programme;
    private final Mp3Station station;
    private final RadioFeeder feeder;
    private final Instant startedAt;

    RadioChannel(RadioChannels kind, ChannelProgramme programme, Mp3Station station, RadioFeeder feeder,
                 Instant startedAt) {
        this.kind = kind;
        this.programme = programme;
        this.station = station;
        this.feeder = feeder;
        this.startedAt = startedAt;
    }

    @Override
    public String mount() {
        return station.mount();
    }

    @Override
    public ChannelProgramme programme() {
        return programme;
    }

    @Override
    public String state() {
        String state = feeder.state();
        // The feeder notices a live source at its next pump; the console should see it at once.
        return state.equals("playing") && station.live() ? "live source" : state;
    }

    @Override
    public int audience() {
        return station.audience();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public List<String> check(List<PlaylistItem> items) {
        return kind.problems(items);
    }

    /** Stops feeding; the station ends with its listeners, unless a live source holds it (then it ends with the source). */
    @Override
    public void stop() {
        feeder.stop();
    }
}
