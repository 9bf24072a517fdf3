package org.tributary.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.ChannelDefinition;
import org.tributary.api.ChannelKind;
import org.tributary.api.PlayLogEntry;
import org.tributary.api.playlist.PlayMode;
import org.tributary.api.playlist.Playlist;
import org.tributary.api.playlist.PlaylistItem;
import org.tributary.engine.Playback;
import org.tributary.media.mp3.Mp3File;
import org.tributary.mp3http.Mp3Station;
import org.tributary.mp3http.Mp3Stations;
import org.tributary.mp3http.StationHeaders;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feeder pumped by hand with a test clock (nanoseconds chosen by the test), on synthetic MP3 songs:
 * MPEG-1 Layer III 128 kbit/s 44.1 kHz frames of 417 bytes, 26.12 ms each.
 */
class RadioFeederTest {

    private static final int HEADER = 0xFFFB9064;
    private static final int FRAME = 417;
    private static final long MS = 1_000_000L;

    @TempDir
    Path media;

    private final Mp3Stations stations = new Mp3Stations();
    private final List<Long> dueTimes = new ArrayList<>();

    private void song(String name, int frames) throws Exception {
        ByteBuffer file = ByteBuffer.allocate(frames * FRAME);
        for (int i = 0; i < frames; i++) {
            file.putInt(i * FRAME, HEADER);
        }
        Files.write(media.resolve(name), file.array());
    }

    private ChannelProgramme programme(PlayMode mode, String... paths) {
        List<PlaylistItem> items = new ArrayList<>();
        for (String p : paths) {
            items.add(PlaylistItem.of(p));
        }
        ChannelDefinition definition = new ChannelDefinition("jazz", "radio/jazz", ChannelKind.RADIO, mode, 0, 3,
                new Playlist(items), null, "Jazz", "Jazz", null);
        return new ChannelProgramme(definition, new Random(1), path -> "Title " + path,
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    private RadioFeeder feeder(ChannelProgramme programme) throws Exception {
        Mp3Station.Feed feed = stations.openPlaylist("radio/jazz", new StationHeaders("Jazz", null, null));
        return new RadioFeeder(programme, feed, path -> Mp3File.open(media.resolve(path)));
    }

    /** Pumps at {@code now} as the engine would, remembering the due time it asked for. */
    private long pump(Playback playback, long now) {
        long due = playback.pump(now);
        dueTimes.add(due);
        return due;
    }

    @Test
    void songsPlayInOrderAtRealTimePaceWithTheirTitles() throws Exception {
        song("a.mp3", 10);
        song("b.mp3", 30);
        ChannelProgramme programme = programme(PlayMode.SEQUENTIAL, "a.mp3", "b.mp3");
        RadioFeeder feeder = feeder(programme);
        Mp3Station station = stations.at("radio/jazz");

        long due = pump(feeder, 0);
        // Half a second ahead: frames due at 0, 26.12, ..., 496.3 ms are written, no more.
        assertEquals(20 * FRAME, station.bytesWritten());
        // The next frame (522 ms) enters the lead at 22 ms; the feeder comes back a batch (100 ms) later.
        assertEquals(Math.round(20 * 1152 * 1e9 / 44100) - 500 * MS + 100 * MS, due);
        assertEquals("Title a.mp3", station.titleAt(0));
        assertEquals("Title a.mp3", station.titleAt(10 * FRAME - 1));
        assertEquals("Title b.mp3", station.titleAt(10 * FRAME), "b's title from b's first byte");

        pump(feeder, 300 * MS);
        assertEquals(31 * FRAME, station.bytesWritten(), "frames due by 800 ms: 0..30");
        long now = 300 * MS;
        while (due != Playback.DONE && now < 10_000 * MS) {
            now += 100 * MS;
            due = pump(feeder, now);
        }
        assertEquals(Playback.DONE, due);
        assertEquals(40 * FRAME, station.bytesWritten(), "every frame once");
        assertEquals(List.of("a.mp3", "b.mp3"), programme.playLog().stream().map(PlayLogEntry::path).toList());
        assertEquals("ended", feeder.state());
        assertTrue(station.ended(), "a list played through ends the station");
        assertTrue(now >= 500 * MS && now <= 1_100 * MS, "40 frames (1.04 s) end about 0.5 s early: " + now);
    }

    @Test
    void aSkipStartsTheNextSongAtOnce() throws Exception {
        song("a.mp3", 100);
        song("b.mp3", 100);
        ChannelProgramme programme = programme(PlayMode.SEQUENTIAL_LOOPED, "a.mp3", "b.mp3");
        RadioFeeder feeder = feeder(programme);
        Mp3Station station = stations.at("radio/jazz");
        pump(feeder, 0);
        long before = station.bytesWritten();
        programme.requestSkip();
        pump(feeder, 100 * MS);
        assertEquals("Title b.mp3", station.titleAt(before), "b starts right after the last frame of a written");
        assertEquals(List.of("a.mp3", "b.mp3"), programme.playLog().stream().map(PlayLogEntry::path).toList());
        assertEquals(before + 3 * FRAME, station.bytesWritten(), "the pace goes on: frames due at 522 to 575 ms");
        assertEquals("playing", feeder.state());
    }

    @Test
    void unreadableSongsAreRecordedAndSkipped() throws Exception {
        song("a.mp3", 5);
        Files.write(media.resolve("bad.mp3"), "not an mp3 at all".repeat(100).getBytes());
        ChannelProgramme programme = programme(PlayMode.SEQUENTIAL, "bad.mp3", "missing.mp3", "a.mp3");
        RadioFeeder feeder = feeder(programme);
        Mp3Station station = stations.at("radio/jazz");
        pump(feeder, 0);
        assertEquals(5 * FRAME, station.bytesWritten());
        assertEquals("Title a.mp3", station.titleAt(0));
        assertTrue(programme.info("radio/jazz", "playing", 0, null).lastError().startsWith("missing.mp3: "),
                programme.info("radio/jazz", "playing", 0, null).lastError());
    }

    @Test
    void whenEveryItemFailsInARowTheChannelFailsInsteadOfSpinning() throws Exception {
        Files.write(media.resolve("bad.mp3"), new byte[1000]);
        ChannelProgramme programme = programme(PlayMode.SEQUENTIAL_LOOPED, "bad.mp3", "missing.mp3");
        RadioFeeder feeder = feeder(programme);
        Mp3Station station = stations.at("radio/jazz");
        assertEquals(Playback.DONE, pump(feeder, 0));
        assertEquals("failed", feeder.state());
        assertEquals(2, programme.playLog().size(), "each item tried once");
        assertTrue(station.ended());
    }

    @Test
    void stoppingEndsTheStationAndTheFeeder() throws Exception {
        song("a.mp3", 100);
        RadioFeeder feeder = feeder(programme(PlayMode.SEQUENTIAL_LOOPED, "a.mp3"));
        Mp3Station station = stations.at("radio/jazz");
        pump(feeder, 0);
        feeder.stop();
        assertTrue(station.ended());
        assertEquals(Playback.DONE, pump(feeder, 10 * MS));
    }
}
