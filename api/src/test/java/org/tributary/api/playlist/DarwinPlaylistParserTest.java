package org.tributary.api.playlist;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DarwinPlaylistParserTest {

    private static DarwinPlaylistParser parser(PlaylistLimits limits, Map<String, String> files, Map<String, List<String>> folders) {
        return new DarwinPlaylistParser(limits, name -> Optional.ofNullable(files.get(name)),
                path -> Optional.ofNullable(folders.get(path)));
    }

    private static List<String> errors(DarwinPlaylistParser parser, String text, String name) {
        return assertThrows(PlaylistSyntaxException.class, () -> parser.parse(text, name)).errors();
    }

    private static List<String> errors(String text, String name) {
        return errors(DarwinPlaylistParser.standalone(), text, name);
    }

    @Test
    void aRealisticChannel() throws PlaylistSyntaxException {
        String news = """
                *PLAY-LIST*
                # Evening channel, edited by the web admin
                #
                "Movie Trailers/Big Buck Bunny.mp4" 5
                sample_100kbit.mp4
                \tsample_300kbit.mp4   3\r

                + extras.ply
                /media/shared/station-id.mp4 1
                clips/
                "Late Night" 2
                """;
        Map<String, String> files = Map.of(
                "channels/extras.ply", "*PLAY-LIST*\r\n\"promo one.mp4\" 7\r\n+ \"../common/ident.ply\"\r\n",
                "common/ident.ply", "\uFEFF*PLAY-LIST*\nident.mp4");
        Map<String, List<String>> folders = Map.of(
                "channels/clips", List.of("c1.mp4", "c2.mp4"),
                "channels/Late Night", List.of("owl.mp3"));
        Playlist playlist = parser(PlaylistLimits.DEFAULTS, files, folders).parse(news, "channels/news.ply");
        assertEquals(List.of(
                new PlaylistItem("channels/Movie Trailers/Big Buck Bunny.mp4", 5),
                new PlaylistItem("channels/sample_100kbit.mp4", 10),
                new PlaylistItem("channels/sample_300kbit.mp4", 3),
                new PlaylistItem("channels/promo one.mp4", 7),
                new PlaylistItem("common/ident.mp4", 10),
                new PlaylistItem("/media/shared/station-id.mp4", 1),
                new PlaylistItem("channels/clips/c1.mp4", 10),
                new PlaylistItem("channels/clips/c2.mp4", 10),
                new PlaylistItem("channels/Late Night/owl.mp3", 2)), playlist.items());
    }

    @Test
    void theHeaderIsRequiredExactly() {
        assertEquals(List.of("x.ply:1: the first line must be *PLAY-LIST*"), errors("a.mp4\nb.mp4\n", "x.ply"));
        assertEquals(List.of("x.ply:1: the first line must be *PLAY-LIST*"), errors("", "x.ply"));
        assertEquals(List.of("x.ply:1: the first line must be *PLAY-LIST*"), errors("# comment\n*PLAY-LIST*\na.mp4\n", "x.ply"));
        assertEquals(List.of("x.ply:1: the first line must be *PLAY-LIST*"), errors("*play-list*\na.mp4\n", "x.ply"));
    }

    @Test
    void badWeightsAreReportedLineByLine() {
        String text = "*PLAY-LIST*\na.mp4 0\nb.mp4 11\nc.mp4 ten\nmy movie.mp4\n\"d.mp4\"5\n\"e.mp4 4\nf.mp4 -3\ng.mp4 10\n";
        assertEquals(List.of(
                "bad.ply:2: weight must be 1 to 10, not 0",
                "bad.ply:3: weight must be 1 to 10, not 11",
                "bad.ply:4: weight must be a whole number from 1 to 10, not 'ten' (quote a path that has blanks)",
                "bad.ply:5: weight must be a whole number from 1 to 10, not 'movie.mp4' (quote a path that has blanks)",
                "bad.ply:6: a blank must follow the closing quote",
                "bad.ply:7: no closing quote",
                "bad.ply:8: weight must be 1 to 10, not -3"), errors(text, "bad.ply"));
    }

    @Test
    void pathsThePlaylistCannotCarryAreReported() {
        assertEquals(List.of("q.ply:2: empty path", "q.ply:3: empty path", "q.ply:4: double quote in path 'a\"b.mp4' (a playlist cannot escape it)"),
                errors("*PLAY-LIST*\n\"\" 3\n\".\"\na\"b.mp4\n", "q.ply"));
    }

    @Test
    void aMissingIncludeIsAnError() {
        DarwinPlaylistParser parser = parser(PlaylistLimits.DEFAULTS, Map.of(), Map.of());
        assertEquals(List.of("lists/top.ply:3: included playlist 'lists/missing.ply' not found", "lists/top.ply:4: an include needs a playlist name"),
                errors(parser, "*PLAY-LIST*\na.mp4\n+ missing.ply\n+\n", "lists/top.ply"));
    }

    @Test
    void anIncludeThatCannotBeReadIsAnErrorNotAnException() {
        DarwinPlaylistParser parser = new DarwinPlaylistParser(PlaylistLimits.DEFAULTS,
                name -> { throw new UncheckedIOException(new java.io.IOException("permission denied")); },
                path -> { throw new IllegalStateException("disk gone"); });
        assertEquals(List.of("top.ply:2: cannot read included playlist 'other.ply': java.io.IOException: permission denied",
                        "top.ply:3: cannot list 'a.mp4': disk gone"),
                errors(parser, "*PLAY-LIST*\n+ other.ply\na.mp4\n", "top.ply"));
    }

    @Test
    void includeCyclesAreDetected() {
        Map<String, String> files = Map.of(
                "a.ply", "*PLAY-LIST*\na.mp4\n+ sub/b.ply\n",
                "sub/b.ply", "*PLAY-LIST*\nb.mp4\n+ ../top.ply\n");
        assertEquals(List.of("sub/b.ply:3: include cycle: top.ply -> a.ply -> sub/b.ply -> top.ply"),
                errors(parser(PlaylistLimits.DEFAULTS, files, Map.of()), "*PLAY-LIST*\n+ a.ply\n", "top.ply"));
        assertEquals(List.of("top.ply:3: include cycle: top.ply -> top.ply"),
                errors(parser(PlaylistLimits.DEFAULTS, Map.of(), Map.of()), "*PLAY-LIST*\nx.mp4\n+ ./top.ply\n", "top.ply"));
    }

    @Test
    void theSamePlaylistMayBeIncludedTwiceWithoutACycle() throws PlaylistSyntaxException {
        Map<String, String> files = Map.of("ident.ply", "*PLAY-LIST*\nident.mp4 2\n");
        Playlist p = parser(PlaylistLimits.DEFAULTS, files, Map.of()).parse("*PLAY-LIST*\n+ ident.ply\nshow.mp4\n+ ident.ply\n", "top.ply");
        assertEquals(List.of(new PlaylistItem("ident.mp4", 2), PlaylistItem.of("show.mp4"), new PlaylistItem("ident.mp4", 2)), p.items());
    }

    @Test
    void includesNestAtMostTheLimit() throws PlaylistSyntaxException {
        Map<String, String> files = new HashMap<>();
        for (int i = 1; i <= 9; i++) {
            files.put("l" + i + ".ply", "*PLAY-LIST*\nl" + i + ".mp4\n" + (i < 9 ? "+ l" + (i + 1) + ".ply\n" : ""));
        }
        String top = "*PLAY-LIST*\nl0.mp4\n+ l1.ply\n";
        assertEquals(List.of("l8.ply:3: includes nested deeper than 8 (at 'l9.ply')"),
                errors(parser(PlaylistLimits.DEFAULTS, files, Map.of()), top, "l0.ply"));
        files.put("l8.ply", "*PLAY-LIST*\nl8.mp4\n");
        assertEquals(9, parser(PlaylistLimits.DEFAULTS, files, Map.of()).parse(top, "l0.ply").size(), "eight levels are fine");
    }

    @Test
    void tooManyItemsStopsTheParseWithOneError() {
        PlaylistLimits five = new PlaylistLimits(5, 8, 4096);
        assertEquals(List.of("big.ply:7: more than 5 items"),
                errors(parser(five, Map.of(), Map.of()), "*PLAY-LIST*\na\nb\nc\nd\ne\nf\ng 0\nh\n", "big.ply"));
        Map<String, List<String>> folders = Map.of("many", List.of("1.mp3", "2.mp3", "3.mp3", "4.mp3", "5.mp3"));
        assertEquals(List.of("dir.ply:3: more than 5 items"),
                errors(parser(five, Map.of(), folders), "*PLAY-LIST*\na\nmany\n", "dir.ply"));
    }

    @Test
    void longLinesAreRefused() {
        PlaylistLimits narrow = new PlaylistLimits(10, 8, 16);
        assertEquals(List.of("long.ply:3: line longer than 16 characters"),
                errors(parser(narrow, Map.of(), Map.of()), "*PLAY-LIST*\n0123456789abcdef\n0123456789abcdefg\n", "long.ply"));
    }

    @Test
    void errorsInAnIncludeCarryItsNameAndLine() {
        Map<String, String> files = Map.of("inc.ply", "*PLAY-LIST*\n# one\n\nx.mp4 12\n", "bare.ply", "x.mp4\n");
        assertEquals(List.of("top.ply:2: weight must be 1 to 10, not 0", "inc.ply:4: weight must be 1 to 10, not 12",
                        "bare.ply:1: the first line must be *PLAY-LIST*"),
                errors(parser(PlaylistLimits.DEFAULTS, files, Map.of()), "*PLAY-LIST*\na.mp4 0\n+ inc.ply\n+ bare.ply\n", "top.ply"));
    }

    @Test
    void aPlaylistWithoutItemsIsAnError() {
        assertEquals(List.of("empty.ply:3: the playlist has no items"), errors("*PLAY-LIST*\n# nothing yet\n\n", "empty.ply"));
        assertEquals(List.of("dir.ply:2: the playlist has no items"),
                errors(parser(PlaylistLimits.DEFAULTS, Map.of(), Map.of("empty", List.of())), "*PLAY-LIST*\nempty\n", "dir.ply"));
    }

    @Test
    void reportingStopsAfterAHundredErrors() {
        String text = "*PLAY-LIST*\n" + "a.mp4 0\n".repeat(150);
        List<String> errors = errors(text, "bad.ply");
        assertEquals(101, errors.size());
        assertEquals("bad.ply:101: weight must be 1 to 10, not 0", errors.get(99));
        assertEquals("bad.ply:102: more than 100 errors, stopped reading", errors.get(100));
    }

    @Test
    void theWriterOutputReadsBackToTheSamePlaylist() throws PlaylistSyntaxException {
        Playlist playlist = Playlist.of(new PlaylistItem("Movie Trailers/Big Buck Bunny.mp4", 5), PlaylistItem.of("plain.mp4"),
                new PlaylistItem("#1 hit.mp3", 1), PlaylistItem.of("+bonus.mp4"), new PlaylistItem("/abs/café.mp4", 10),
                new PlaylistItem("x.mp4", 3), new PlaylistItem("x.mp4", 3));
        String text = DarwinPlaylistWriter.write(playlist);
        assertEquals("""
                *PLAY-LIST*
                "Movie Trailers/Big Buck Bunny.mp4" 5
                plain.mp4
                "#1 hit.mp3" 1
                "+bonus.mp4"
                /abs/café.mp4
                x.mp4 3
                x.mp4 3
                """, text);
        assertEquals(playlist, DarwinPlaylistParser.standalone().parse(text, "upcoming.ply"));
    }
}
