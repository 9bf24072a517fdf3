package org.tributary.channel;

import org.junit.jupiter.api.Test;
import org.tributary.api.ChannelDefinition;
import org.tributary.api.ChannelKind;
import org.tributary.api.playlist.PlayMode;
import org.tributary.api.playlist.Playlist;
import org.tributary.api.playlist.PlaylistItem;
import org.tributary.engine.Playback;
import org.tributary.source.MediaSource;
import org.tributary.source.PacketSink;
import org.tributary.source.SourceReader;
import org.tributary.source.SourceTrack;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;
import org.tributary.stream.StreamPacket;
import org.tributary.stream.StreamReader;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Items one after another on one timeline: timestamps run on, pacing follows the items, skips and failures. */
class ChannelFeederTest {

    static final List<SourceTrack> TRACKS = List.of(
            new SourceTrack(0, "video", 96, 90000, "H264", 0, List.of("rtpmap:96 H264/90000")),
            new SourceTrack(1, "audio", 97, 48000, "MPEG4-GENERIC", 0, List.of("rtpmap:97 MPEG4-GENERIC/48000/2")));

    /** A file of {@code seconds}: a video unit every 40 ms and an audio unit every 20 ms, payload byte = item id. */
    record FakeFile(int id, double seconds, double reportedSeconds) implements MediaSource {
        FakeFile(int id, double seconds) {
            this(id, seconds, seconds);
        }

        @Override
        public String name() {
            return "item" + id;
        }

        @Override
        public List<SourceTrack> tracks() {
            return TRACKS;
        }

        @Override
        public double durationSeconds() {
            return reportedSeconds;
        }

        @Override
        public boolean seekable() {
            return true;
        }

        @Override
        public SourceReader openReader() {
            return new SourceReader() {
                long video;
                long audio;
                final long end = Math.round(seconds * 1e6);

                @Override
                public double seek(double npt) {
                    return 0;
                }

                @Override
                public long nextSendTimeMicros() {
                    long next = Math.min(video, audio);
                    return next >= end ? END : next;
                }

                @Override
                public void emitNext(PacketSink sink) {
                    ByteBuffer payload = ByteBuffer.wrap(new byte[] {(byte) id});
                    if (video <= audio) {
                        sink.packet(0, payload, true, video * 90 / 1000, 96);
                        video += 40_000;
                    } else {
                        sink.packet(1, payload, true, audio * 48 / 1000, 97);
                        audio += 20_000;
                    }
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private final Stream stream = new Stream("channels/test.sdp", TRACKS, StreamLimits.DEFAULT, () -> 0L);
    private final StreamReader viewer = stream.openReader();

    private ChannelProgramme programme(PlayMode mode, String... paths) {
        List<PlaylistItem> items = new ArrayList<>();
        for (String p : paths) {
            items.add(PlaylistItem.of(p));
        }
        ChannelDefinition definition = new ChannelDefinition("test", "channels/test.sdp", ChannelKind.STREAM, mode, 0, 3,
                new Playlist(items), null, null, null, null);
        return new ChannelProgramme(definition, new Random(1), p -> p.toUpperCase(),
                Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC));
    }

    private static ChannelFeeder.Items files(Map<String, FakeFile> files) {
        return path -> {
            FakeFile file = files.get(path);
            if (file == null) {
                throw new ChannelFeeder.ItemRefusedException(path + ": no such media file");
            }
            return file;
        };
    }

    /** Pumps as the engine would, jumping the clock to each due time, until done or {@code untilNanos}. */
    private static long run(Playback feeder, long untilNanos) {
        long now = 0;
        while (now <= untilNanos) {
            long due = feeder.pump(now);
            if (due == Playback.DONE) {
                return now;
            }
            now = Math.max(now, due);
        }
        return now;
    }

    private List<StreamPacket> drain() {
        List<StreamPacket> out = new ArrayList<>();
        for (StreamPacket p; (p = viewer.poll()) != null; ) {
            out.add(p);
        }
        return out;
    }

    @Test
    void sequentialItemsFollowOnOneTimelineAndTheStreamEnds() {
        AtomicBoolean ended = new AtomicBoolean();
        ChannelProgramme programme = programme(PlayMode.SEQUENTIAL, "a.mp4", "b.mp4");
        ChannelFeeder feeder = new ChannelFeeder(stream, programme,
                files(Map.of("a.mp4", new FakeFile(1, 1.0), "b.mp4", new FakeFile(2, 0.5))), () -> ended.set(true));
        long doneAt = run(feeder, 10_000_000_000L);

        assertTrue(ended.get());
        assertEquals("ended", feeder.state());
        // paced: the last unit (b at 0.48 s on its own clock = 1.48 s on the channel's) goes 20 ms ahead of its time
        assertTrue(doneAt >= 1_440_000_000L && doneAt <= 1_500_000_000L, "done at " + doneAt);
        List<StreamPacket> packets = drain();
        long lastVideo = -1;
        long firstVideoOfB = -1;
        for (StreamPacket p : packets) {
            if (p.track() == 0) {
                assertTrue(p.timestamp() > lastVideo, "video timestamps rise across the boundary");
                lastVideo = p.timestamp();
                if (p.payload()[0] == 2 && firstVideoOfB < 0) {
                    firstVideoOfB = p.timestamp();
                }
            }
        }
        assertEquals(90_000, firstVideoOfB, "b starts where a's 1.0 s ended");
        assertEquals(25 + 13, packets.stream().filter(p -> p.track() == 0).count());
        assertEquals(2, programme.playLog().size());
        assertEquals("B.MP4", programme.playLog().get(1).title());
    }

    @Test
    void audioFollowsOnInItsOwnClock() {
        ChannelProgramme programme = programme(PlayMode.SEQUENTIAL, "a.mp4", "b.mp4");
        ChannelFeeder feeder = new ChannelFeeder(stream, programme,
                files(Map.of("a.mp4", new FakeFile(1, 1.0), "b.mp4", new FakeFile(2, 1.0))), () -> { });
        run(feeder, 10_000_000_000L);
        long firstAudioOfB = drain().stream().filter(p -> p.track() == 1 && p.payload()[0] == 2).findFirst()
                .orElseThrow().timestamp();
        assertEquals(48_000, firstAudioOfB);
    }

    @Test
    void anAudioTrackLongerThanTheMovieIsNotOverlappedByTheNextItem() {
        // the file says 0.9 s, its units run to 1.0 s (AAC priming makes audio tracks a frame or two longer)
        ChannelProgramme programme = programme(PlayMode.SEQUENTIAL, "a.mp4", "b.mp4");
        ChannelFeeder feeder = new ChannelFeeder(stream, programme,
                files(Map.of("a.mp4", new FakeFile(1, 1.0, 0.9), "b.mp4", new FakeFile(2, 1.0))), () -> { });
        run(feeder, 10_000_000_000L);
        List<StreamPacket> audio = drain().stream().filter(p -> p.track() == 1).toList();
        for (int i = 1; i < audio.size(); i++) {
            assertTrue(audio.get(i).timestamp() > audio.get(i - 1).timestamp(), "audio timestamps rise at " + i);
        }
        long firstOfB = audio.stream().filter(p -> p.payload()[0] == 2).findFirst().orElseThrow().timestamp();
        assertEquals(48_000, firstOfB, "b starts where a's last audio frame (0.98 s + 20 ms) ends");
    }

    @Test
    void aSkipEndsTheItemAtOnceAndTheNextFollowsTheLastUnitSent() {
        ChannelProgramme programme = programme(PlayMode.SEQUENTIAL_LOOPED, "a.mp4", "b.mp4");
        ChannelFeeder feeder = new ChannelFeeder(stream, programme,
                files(Map.of("a.mp4", new FakeFile(1, 10.0), "b.mp4", new FakeFile(2, 10.0))), () -> { });
        long now = 0;
        while (now < 500_000_000L) {
            now = Math.max(now, feeder.pump(now));
        }
        programme.requestSkip();
        long until = now + 100_000_000L;
        while (now < until) {
            now = Math.max(now + 1, feeder.pump(now));
        }
        List<StreamPacket> packets = drain();
        StreamPacket lastOfA = packets.stream().filter(p -> p.track() == 0 && p.payload()[0] == 1)
                .reduce((x, y) -> y).orElseThrow();
        StreamPacket firstOfB = packets.stream().filter(p -> p.track() == 0 && p.payload()[0] == 2).findFirst()
                .orElseThrow();
        long gap = firstOfB.timestamp() - lastOfA.timestamp();
        assertTrue(gap > 0 && gap <= 3 * 3600, "b follows a's last frame sent within a frame or two: " + gap);
        assertTrue(lastOfA.timestamp() < 90_000, "a was cut short");
        assertEquals("b.mp4", programme.nowPlaying().path());
    }

    @Test
    void anItemThatCannotOpenIsLoggedAndSkipped() {
        ChannelProgramme programme = programme(PlayMode.SEQUENTIAL, "a.mp4", "gone.mp4", "b.mp4");
        ChannelFeeder feeder = new ChannelFeeder(stream, programme,
                files(Map.of("a.mp4", new FakeFile(1, 0.2), "b.mp4", new FakeFile(2, 0.2))), () -> { });
        run(feeder, 10_000_000_000L);
        assertEquals("ended", feeder.state());
        assertTrue(programme.info("m", "ended", 0, null).lastError().startsWith("gone.mp4: gone.mp4: no such"));
        assertEquals(List.of(1, 2), drain().stream().map(p -> (int) p.payload()[0]).distinct().toList());
    }

    @Test
    void aLoopOfItemsThatAllFailStopsAsFailedInsteadOfSpinning() {
        AtomicBoolean ended = new AtomicBoolean();
        ChannelProgramme programme = programme(PlayMode.SEQUENTIAL_LOOPED, "x.mp4", "y.mp4");
        ChannelFeeder feeder = new ChannelFeeder(stream, programme, files(Map.of()), () -> ended.set(true));
        assertEquals(Playback.DONE, feeder.pump(0));
        assertEquals("failed", feeder.state());
        assertTrue(ended.get());
    }

    @Test
    void stopEndsThePumpingWithoutEndingTheChannelOnItsOwn() {
        AtomicBoolean ended = new AtomicBoolean();
        ChannelProgramme programme = programme(PlayMode.SEQUENTIAL_LOOPED, "a.mp4");
        ChannelFeeder feeder = new ChannelFeeder(stream, programme, files(Map.of("a.mp4", new FakeFile(1, 1.0))),
                () -> ended.set(true));
        feeder.pump(0);
        feeder.stop();
        assertEquals(Playback.DONE, feeder.pump(1_000_000));
        assertTrue(!ended.get());
    }
}
