package org.tributary.channel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.ChannelDefinition;
import org.tributary.api.ChannelKind;
import org.tributary.api.ChannelOutcome;
import org.tributary.api.playlist.PlayMode;
import org.tributary.api.playlist.Playlist;
import org.tributary.api.playlist.PlaylistItem;
import org.tributary.catalog.MediaCatalog;
import org.tributary.engine.Playback;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Preflight against the reference item, the stream at the mount, restart, insert and stop, with real files. */
class StreamChannelsTest {

    private static final String FILES = "/org/tributary/media/mp4/Mp4FileFuzzTestInputs/open/";

    @TempDir
    Path root;
    private PathRegistry paths;
    private final List<Playback> scheduled = new ArrayList<>();
    private Channels channels;

    @BeforeEach
    void setUp() throws IOException {
        for (String name : List.of("h264-aac.mp4", "hevc-aac.mp4", "faststart-video-only.mp4")) {
            try (InputStream in = StreamChannelsTest.class.getResourceAsStream(FILES + name)) {
                Files.copy(in, root.resolve(name));
            }
        }
        Files.copy(root.resolve("h264-aac.mp4"), root.resolve("copy.mp4"));
        MediaCatalog catalog = new MediaCatalog(root);
        paths = new PathRegistry(catalog);
        channels = new Channels(new Random(3), Clock.systemUTC());
        channels.support(ChannelKind.STREAM, new StreamChannels(catalog, paths, feeder -> {
            scheduled.add(feeder);
            feeder.pump(System.nanoTime()); // the engine pumps a new playback at once
        }, StreamLimits.DEFAULT,
                System::nanoTime, Clock.systemUTC()));
    }

    private static ChannelDefinition definition(String name, String mount, String... files) {
        List<PlaylistItem> items = new ArrayList<>();
        for (String f : files) {
            items.add(PlaylistItem.of(f));
        }
        return new ChannelDefinition(name, mount, ChannelKind.STREAM, PlayMode.SEQUENTIAL_LOOPED, 0, 3,
                new Playlist(items), null, null, null, null);
    }

    @Test
    void aChannelOfMatchingItemsIsAStreamAtItsMount() {
        ChannelOutcome outcome = channels.start(definition("news", "channels/news.sdp", "h264-aac.mp4", "copy.mp4"));
        assertTrue(outcome.accepted(), outcome.problems().toString());
        Stream stream = paths.streamAt("channels/news.sdp");
        assertNotNull(stream);
        assertEquals(2, stream.tracks().size());
        assertEquals(1, scheduled.size());
        assertEquals("playing", outcome.channel().state());
        assertEquals("h264-aac.mp4", outcome.channel().nowPlaying().path(), "the answer shows the first item playing");
        assertEquals(List.of("copy.mp4", "h264-aac.mp4", "copy.mp4"), outcome.channel().upcoming());
    }

    @Test
    void itemsThatDifferAreRefusedNamingTheFileAndTheDifference() {
        ChannelOutcome outcome = channels.start(definition("news", "channels/news.sdp", "h264-aac.mp4", "hevc-aac.mp4",
                "faststart-video-only.mp4", "missing.mp4"));
        assertFalse(outcome.accepted());
        assertNull(outcome.channel());
        assertEquals(List.of(
                "hevc-aac.mp4: track 1 (video) is H265, the channel's is H264",
                "faststart-video-only.mp4: has 1 track (video H264), the channel has 2 tracks (video H264, audio AAC)",
                "missing.mp4: no such media file"), outcome.problems());
        assertNull(paths.streamAt("channels/news.sdp"));
    }

    @Test
    void insertedItemsAreCheckedAgainstTheRunningChannel() {
        channels.start(definition("news", "channels/news.sdp", "h264-aac.mp4"));
        ChannelOutcome refused = channels.insert("news", List.of(PlaylistItem.of("hevc-aac.mp4")));
        assertEquals(List.of("hevc-aac.mp4: track 1 (video) is H265, the channel's is H264"), refused.problems());
        ChannelOutcome inserted = channels.insert("news", List.of(PlaylistItem.of("copy.mp4")));
        assertTrue(inserted.accepted());
        assertEquals("copy.mp4", inserted.channel().upcoming().get(0));
    }

    @Test
    void restartReplacesTheStreamAndStopEndsIt() {
        channels.start(definition("news", "channels/news.sdp", "h264-aac.mp4"));
        Stream first = paths.streamAt("channels/news.sdp");
        assertTrue(channels.start(definition("news", "channels/news.sdp", "copy.mp4")).accepted());
        assertTrue(first.ended());
        Stream second = paths.streamAt("channels/news.sdp");
        assertNotNull(second);
        assertEquals("stopped", channels.stop("news").state());
        assertTrue(second.ended());
        assertNull(paths.streamAt("channels/news.sdp"));
        assertNull(channels.stop("news"));
    }

    @Test
    void twoChannelsCannotShareAMountAndALiveStreamKeepsItsPath() throws Exception {
        channels.start(definition("news", "channels/news.sdp", "h264-aac.mp4"));
        ChannelOutcome clash = channels.start(definition("other", "channels/news.sdp", "h264-aac.mp4"));
        assertEquals(List.of("channels/news.sdp: channel news is served there"), clash.problems());
        paths.register("live/cam.sdp", new Stream("cam", List.of(), StreamLimits.DEFAULT, () -> 0L));
        ChannelOutcome taken = channels.start(definition("cam", "live/cam.sdp", "h264-aac.mp4"));
        assertEquals(1, taken.problems().size());
        assertTrue(taken.problems().get(0).startsWith("live/cam.sdp: a stream is already served"), taken.problems().get(0));
    }

    @Test
    void aMountOutsideTheMediaFolderIsRefused() {
        ChannelOutcome outcome = channels.start(definition("bad", "../etc/x.sdp", "h264-aac.mp4"));
        assertFalse(outcome.accepted());
        assertTrue(outcome.problems().get(0).startsWith("../etc/x.sdp: not a usable mount"), outcome.problems().get(0));
    }
}
