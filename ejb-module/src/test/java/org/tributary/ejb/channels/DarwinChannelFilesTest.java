package org.tributary.ejb.channels;

import org.junit.jupiter.api.Test;
import org.tributary.api.ChannelKind;
import org.tributary.api.MediaFileInfo;
import org.tributary.api.playlist.ChannelConfig;
import org.tributary.api.playlist.DarwinConfigParser;
import org.tributary.api.playlist.PlayMode;
import org.tributary.api.playlist.PlaylistLimits;
import org.tributary.api.playlist.PlaylistSyntaxException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DarwinChannelFilesTest {

    private static final Supplier<List<MediaFileInfo>> CATALOGUE = () -> List.of(file("clips/a.mov", true),
            file("clips/b.mp4", true), file("clips/broken.mp4", false), file("clips/song.mp3", true),
            file("clips/more/c.mp4", true), file("other/d.mp4", true), file("radio/one.mp3", true),
            file("radio/two.mp3", true));

    private static MediaFileInfo file(String path, boolean playable) {
        return new MediaFileInfo(path, 1000, Instant.EPOCH, 8, false, playable, playable ? null : "unreadable", List.of());
    }

    private static DarwinChannelFiles.ImportRequest request(String playlist, String config, ChannelKind kind, String mediaFolder,
                                                            Map<String, String> includes) {
        return new DarwinChannelFiles.ImportRequest("news", null, kind, mediaFolder, playlist, "news.ply", config,
                "news.config", includes);
    }

    private static DarwinChannelFiles.Imported read(String playlist, String config) throws PlaylistSyntaxException {
        return DarwinChannelFiles.read(request(playlist, config, null, null, Map.of()), CATALOGUE);
    }

    @Test
    void darwinsMoviesFolderIsStrippedAndRelativePathsStayUnderTheMediaRoot() throws Exception {
        DarwinChannelFiles.Imported imported = read("""
                *PLAY-LIST*
                /Library/QuickTimeStreaming/Movies/clips/a.mov 5
                "/Library/QuickTimeStreaming/Movies/other/d.mp4"
                clips/b.mp4 3
                """, "destination_sdp_file channels/news.sdp\n");
        assertEquals(List.of(new ChannelSpec.Item("clips/a.mov", 5), new ChannelSpec.Item("other/d.mp4", 10),
                new ChannelSpec.Item("clips/b.mp4", 3)), imported.spec().items());
        assertEquals("channels/news.sdp", imported.spec().mount());
        assertEquals(ChannelKind.STREAM, imported.spec().kind());
        assertEquals(Map.of(), ChannelFields.problems(imported.spec()));
    }

    @Test
    void anotherMediaFolderIsStrippedInsteadAndAPathOutsideItIsAFileLineProblem() {
        PlaylistSyntaxException e = assertThrows(PlaylistSyntaxException.class, () -> DarwinChannelFiles.read(request("""
                *PLAY-LIST*
                /srv/movies/clips/a.mov
                /Library/QuickTimeStreaming/Movies/clips/b.mp4
                ../secret.mp4
                """, null, null, "/srv/movies", Map.of()), CATALOGUE));
        assertEquals(2, e.errors().size(), e.errors().toString());
        assertTrue(e.errors().get(0).startsWith("news.ply:3: ") && e.errors().get(0).contains("outside the media folder /srv/movies/"),
                e.errors().toString());
        assertTrue(e.errors().get(1).startsWith("news.ply:4: ") && e.errors().get(1).contains("leaves the media folder"),
                e.errors().toString());
    }

    @Test
    void aFolderBecomesItsPlayableFilesOfTheKindInPathOrder() throws Exception {
        DarwinChannelFiles.Imported stream = DarwinChannelFiles.read(request("*PLAY-LIST*\n/Library/QuickTimeStreaming/Movies/clips 4\n",
                "destination_sdp_file channels/news.sdp\n", ChannelKind.STREAM, null, Map.of()), CATALOGUE);
        assertEquals(List.of(new ChannelSpec.Item("clips/a.mov", 4), new ChannelSpec.Item("clips/b.mp4", 4),
                new ChannelSpec.Item("clips/more/c.mp4", 4)), stream.spec().items());

        DarwinChannelFiles.Imported inferred = read("*PLAY-LIST*\nradio\n", "broadcast_mount_point /radio/jazz\n");
        assertEquals(ChannelKind.RADIO, inferred.spec().kind(), "every item an MP3");
        assertEquals(List.of(new ChannelSpec.Item("radio/one.mp3", 10), new ChannelSpec.Item("radio/two.mp3", 10)),
                inferred.spec().items());
        assertEquals("radio/jazz", inferred.spec().mount());
    }

    @Test
    void modeWindowUpcomingReferenceAndRadioNamesComeFromTheConfig() throws Exception {
        DarwinChannelFiles.Imported stream = read("*PLAY-LIST*\nclips/a.mov\nclips/b.mp4\n", """
                play_mode weighted_random
                recent_movies_list_size 3
                max_upcoming_list_size 5
                sdp_reference_movie /Library/QuickTimeStreaming/Movies/clips/b.mp4
                destination_sdp_file /channels/news.sdp
                """);
        ChannelSpec s = stream.spec();
        assertEquals(PlayMode.WEIGHTED_RANDOM, s.mode());
        assertEquals(3, s.recentWindow());
        assertEquals(5, s.upcomingCount());
        assertEquals("clips/b.mp4", s.referenceItem());
        assertEquals("channels/news.sdp", s.mount());
        assertEquals(List.of(), stream.warnings());

        DarwinChannelFiles.Imported radio = read("*PLAY-LIST*\nradio/one.mp3\n", """
                play_mode sequential
                broadcast_mount_point /radio/jazz
                broadcast_name "Jazz FM"
                broadcast_genre Jazz
                max_upcoming_list_size 80
                colour blue
                """);
        assertEquals(PlayMode.SEQUENTIAL, radio.spec().mode());
        assertEquals("Jazz FM", radio.spec().title());
        assertEquals("Jazz", radio.spec().genre());
        assertEquals(50, radio.spec().upcomingCount());
        assertEquals(List.of("news.config:6: unknown key 'colour' (kept, not used)",
                "news.config: max_upcoming_list_size 80 is more than 50; the channel shows 50"), radio.warnings());
    }

    @Test
    void withoutAConfigDarwinsDefaultsApplyAndTheMountIsMissing() throws Exception {
        ChannelSpec s = read("*PLAY-LIST*\nclips/a.mov\n", null).spec();
        assertEquals(PlayMode.SEQUENTIAL_LOOPED, s.mode());
        assertEquals(7, s.upcomingCount());
        assertNull(s.mount());
        assertTrue(ChannelFields.problems(s).containsKey("mount"));
    }

    @Test
    void everyProblemOfBothFilesIsPassedThroughAsFileAndLine() {
        PlaylistSyntaxException e = assertThrows(PlaylistSyntaxException.class, () -> read("""
                *PLAY-LIST*
                clips/a.mov
                clips/b.mp4 11
                + missing.ply
                """, "play_mode shuffle\n"));
        assertEquals(List.of("news.config:1: play_mode must be sequential, sequential_looped or weighted_random, not 'shuffle'",
                "news.ply:3: weight must be 1 to 10, not 11",
                "news.ply:4: included playlist 'missing.ply' not found"), e.errors());

        PlaylistSyntaxException header = assertThrows(PlaylistSyntaxException.class, () -> read("clips/a.mov\n", null));
        assertEquals(List.of("news.ply:1: the first line must be *PLAY-LIST*"), header.errors());
    }

    @Test
    void includedPlaylistsAreFoundByTheNameTheyAreIncludedBy() throws Exception {
        ChannelSpec s = DarwinChannelFiles.read(request("*PLAY-LIST*\nclips/a.mov\n+ /Library/QuickTimeStreaming/Movies/lists/more.ply\n",
                "destination_sdp_file channels/news.sdp\n", null, null,
                Map.of("more.ply", "*PLAY-LIST*\n/Library/QuickTimeStreaming/Movies/other/d.mp4 2\n")), CATALOGUE).spec();
        assertEquals(List.of(new ChannelSpec.Item("clips/a.mov", 10), new ChannelSpec.Item("other/d.mp4", 2)), s.items());
    }

    @Test
    void theExportReadsBackToTheSameChannel() throws Exception {
        ChannelSpec stream = new ChannelSpec("news", "channels/news.sdp", ChannelKind.STREAM, PlayMode.WEIGHTED_RANDOM, 4, 9,
                List.of(new ChannelSpec.Item("clips/a b.mov", 3), new ChannelSpec.Item("clips/b.mp4", 10)), "clips/b.mp4",
                null, null, null);
        ChannelConfig config = new DarwinConfigParser(PlaylistLimits.DEFAULTS)
                .parse(DarwinChannelFiles.config(stream), "news.config").config();
        assertEquals(PlayMode.WEIGHTED_RANDOM, config.playMode());
        assertEquals(4, config.recentListSize());
        assertEquals(9, config.maxUpcomingListSize());
        assertEquals("clips/b.mp4", config.sdpReferenceMovie());
        DarwinChannelFiles.Imported again = DarwinChannelFiles.read(new DarwinChannelFiles.ImportRequest("news", null,
                null, null, DarwinChannelFiles.playlist(stream), "news.ply", DarwinChannelFiles.config(stream), "news.config",
                Map.of()), CATALOGUE);
        assertEquals(stream, again.spec());
        assertEquals(List.of(), again.warnings());

        ChannelSpec radio = new ChannelSpec("jazz", "radio/jazz", ChannelKind.RADIO, PlayMode.SEQUENTIAL, 0, 7,
                List.of(new ChannelSpec.Item("radio/one.mp3", 10)), null, "Jazz \"FM\"", "Jazz", null);
        DarwinChannelFiles.Imported radioAgain = DarwinChannelFiles.read(new DarwinChannelFiles.ImportRequest("jazz", null,
                null, null, DarwinChannelFiles.playlist(radio), "jazz.ply", DarwinChannelFiles.config(radio), "jazz.config",
                Map.of()), CATALOGUE);
        assertEquals(radio, radioAgain.spec());
    }
}
