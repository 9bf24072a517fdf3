package org.tributary.api.playlist;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemPickerTest {

    private static final PlaylistItem A = PlaylistItem.of("a.mp4");
    private static final PlaylistItem B = PlaylistItem.of("b.mp4");
    private static final PlaylistItem C = PlaylistItem.of("c.mp4");
    private static final PlaylistItem D = PlaylistItem.of("d.mp4");
    private static final PlaylistItem X = PlaylistItem.of("promo/x.mp4");
    private static final PlaylistItem Y = PlaylistItem.of("promo/y.mp4");

    private static ItemPicker picker(PlayMode mode, int window, long seed, PlaylistItem... items) {
        return new ItemPicker(Playlist.of(items), mode, window, new SplittableRandom(seed));
    }

    private static List<String> paths(ItemPicker picker, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(picker.next().map(PlaylistItem::path).orElse("(end)"));
        }
        return out;
    }

    @Test
    void weightedRandomFollowsTheWeights() {
        int n = 1000;
        int[] weights = {1, 3, 6};
        ItemPicker picker = picker(PlayMode.WEIGHTED_RANDOM, 0, 20240614L,
                new PlaylistItem("w1.mp3", 1), new PlaylistItem("w3.mp3", 3), new PlaylistItem("w6.mp3", 6));
        Map<String, Integer> counts = new HashMap<>();
        for (String path : paths(picker, n)) {
            counts.merge(path, 1, Integer::sum);
        }
        double chiSquare = 0;
        for (int w : weights) {
            double p = w / 10.0;
            double expected = n * p;
            // Binomial standard deviation sqrt(n p (1-p)): 9.5, 14.5 and 15.5 picks. Four of them bound each
            // count (a false alarm has odds below 1 in 10,000 per item); an unweighted picker (333 each) fails.
            double sd = Math.sqrt(n * p * (1 - p));
            int observed = counts.getOrDefault("w" + w + ".mp3", 0);
            assertTrue(Math.abs(observed - expected) <= 4 * sd,
                    "weight " + w + ": " + observed + " picks, expected " + expected + " +- " + 4 * sd);
            chiSquare += (observed - expected) * (observed - expected) / expected;
        }
        // Two degrees of freedom: 13.82 is the 0.1 % critical value.
        assertTrue(chiSquare < 13.82, "chi-square " + chiSquare);
        assertEquals(n, counts.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void weightedRandomNeverRepeatsWithinTheWindow() {
        for (long seed = 1; seed <= 20; seed++) {
            ItemPicker picker = picker(PlayMode.WEIGHTED_RANDOM, 3, seed, new PlaylistItem("w1.mp3", 1),
                    new PlaylistItem("w3.mp3", 3), new PlaylistItem("w6.mp3", 6), new PlaylistItem("v1.mp3", 1),
                    new PlaylistItem("v3.mp3", 3), new PlaylistItem("v6.mp3", 6));
            assertEquals(3, picker.window());
            List<String> picks = paths(picker, 1000);
            // Every run of window + 1 consecutive picks holds no path twice.
            for (int i = 0; i + 4 <= picks.size(); i++) {
                assertEquals(4, new HashSet<>(picks.subList(i, i + 4)).size(), "seed " + seed + " at pick " + i + ": " + picks.subList(i, i + 4));
            }
            assertEquals(6, new HashSet<>(picks).size(), "every item still plays");
        }
    }

    @Test
    void aWindowThatWouldLeaveNothingToPickIsClampedToDistinctPathsMinusOne() {
        ItemPicker picker = picker(PlayMode.WEIGHTED_RANDOM, 10, 7, A, B, C);
        assertEquals(2, picker.window());
        List<String> picks = paths(picker, 300);
        for (int i = 0; i + 3 <= picks.size(); i++) {
            assertEquals(3, new HashSet<>(picks.subList(i, i + 3)).size(), "at pick " + i);
        }
        // A file listed twice counts once: the window is 1 and the two files alternate.
        ItemPicker twice = picker(PlayMode.WEIGHTED_RANDOM, 5, 7, A, A, B);
        assertEquals(1, twice.window());
        List<String> alternating = paths(twice, 50);
        for (int i = 1; i < alternating.size(); i++) {
            assertTrue(!alternating.get(i).equals(alternating.get(i - 1)), "at pick " + i);
        }
        assertEquals(0, picker(PlayMode.WEIGHTED_RANDOM, 4, 7, A).window(), "a single item repeats");
        assertEquals(List.of("a.mp4", "a.mp4"), paths(picker(PlayMode.WEIGHTED_RANDOM, 4, 7, A), 2));
        assertEquals(0, picker(PlayMode.SEQUENTIAL_LOOPED, 2, 7, A, B, C).window(), "only random play has a window");
        assertThrows(IllegalArgumentException.class, () -> picker(PlayMode.WEIGHTED_RANDOM, -1, 7, A));
    }

    @Test
    void sequentialPlaysOnceThenEnds() {
        ItemPicker picker = picker(PlayMode.SEQUENTIAL, 0, 1, A, B, C);
        assertEquals(List.of("a.mp4", "b.mp4", "c.mp4", "(end)", "(end)"), paths(picker, 5));
        assertEquals(List.of(), picker.upcoming(3));
    }

    @Test
    void sequentialLoopedWraps() {
        ItemPicker picker = picker(PlayMode.SEQUENTIAL_LOOPED, 0, 1, A, B, C);
        assertEquals(List.of("a.mp4", "b.mp4", "c.mp4", "a.mp4", "b.mp4", "c.mp4", "a.mp4"), paths(picker, 7));
    }

    @Test
    void upcomingForecastsExactlyWhatNextPlays() {
        for (PlayMode mode : PlayMode.values()) {
            ItemPicker picker = picker(mode, 2, 99, A, B, C, D, new PlaylistItem("e.mp4", 2));
            picker.next();
            List<PlaylistItem> forecast = picker.upcoming(7);
            assertEquals(forecast.subList(0, 3), picker.upcoming(3), mode + ": a shorter forecast is a prefix");
            assertEquals(forecast, picker.upcoming(7), mode + ": asking again changes nothing");
            List<PlaylistItem> played = new ArrayList<>();
            for (int i = 0; i < forecast.size(); i++) {
                played.add(picker.next().orElseThrow());
            }
            assertEquals(forecast, played, mode.toString());
        }
        ItemPicker sequential = picker(PlayMode.SEQUENTIAL, 0, 1, A, B, C);
        assertEquals(List.of(A, B, C), sequential.upcoming(5), "a sequential list forecasts up to its end");
        assertEquals(List.of(), sequential.upcoming(0));
        assertThrows(IllegalArgumentException.class, () -> sequential.upcoming(-1));
    }

    @Test
    void insertedItemsPlayNextThenTheListResumes() {
        ItemPicker picker = picker(PlayMode.SEQUENTIAL, 0, 1, A, B, C, D);
        assertEquals(Optional.of(A), picker.next());
        assertEquals(List.of(B, C), picker.upcoming(2));
        picker.insertNext(List.of(X, Y));
        assertEquals(List.of(X, Y, B), picker.upcoming(3));
        assertEquals(List.of("promo/x.mp4", "promo/y.mp4", "b.mp4", "c.mp4", "d.mp4", "(end)"), paths(picker, 6));
        picker.insertNext(List.of(X));
        assertEquals(List.of("promo/x.mp4", "(end)"), paths(picker, 2), "an ended list stays ended after an insert");
    }

    @Test
    void aLaterInsertPlaysBeforeAnEarlierOne() {
        ItemPicker picker = picker(PlayMode.SEQUENTIAL_LOOPED, 0, 1, A, B);
        picker.insertNext(List.of(X));
        picker.insertNext(List.of(Y, C));
        assertEquals(List.of("promo/y.mp4", "c.mp4", "promo/x.mp4", "a.mp4", "b.mp4", "a.mp4"), paths(picker, 6));
    }

    @Test
    void picksAfterAnInsertRespectTheWindow() {
        for (long seed = 1; seed <= 30; seed++) {
            ItemPicker picker = picker(PlayMode.WEIGHTED_RANDOM, 2, seed, A, B, C, D);
            picker.upcoming(5);
            picker.insertNext(List.of(A));
            List<String> picks = paths(picker, 3);
            assertEquals("a.mp4", picks.get(0));
            assertTrue(!picks.subList(1, 3).contains("a.mp4"), "seed " + seed + ": " + picks);
        }
    }

    @Test
    void replacingTheListKeepsPendingInsertsAndStartsTheNewListAtItsTop() {
        ItemPicker picker = picker(PlayMode.SEQUENTIAL_LOOPED, 0, 1, A, B, C);
        assertEquals(List.of("a.mp4", "b.mp4"), paths(picker, 2));
        picker.insertNext(List.of(X));
        picker.upcoming(4);
        picker.replace(Playlist.of(C, D));
        assertEquals(List.of(X, C, D, C), picker.upcoming(4));
        assertEquals(List.of("promo/x.mp4", "c.mp4", "d.mp4", "c.mp4"), paths(picker, 4));

        ItemPicker ended = picker(PlayMode.SEQUENTIAL, 0, 1, A);
        assertEquals(List.of("a.mp4", "(end)"), paths(ended, 2));
        ended.replace(Playlist.of(B));
        assertEquals(List.of("b.mp4", "(end)"), paths(ended, 2), "a replacement restarts an ended list");
    }

    @Test
    void aReplacementClampsTheWindowAgainAndRemembersWhatPlayed() {
        ItemPicker picker = picker(PlayMode.WEIGHTED_RANDOM, 5, 3, A, B, C, D, X, Y);
        assertEquals(5, picker.window());
        picker.replace(Playlist.of(A, B, C));
        assertEquals(2, picker.window());
        for (long seed = 1; seed <= 30; seed++) {
            ItemPicker p = picker(PlayMode.WEIGHTED_RANDOM, 2, seed, A, B, C, D);
            String last = p.next().orElseThrow().path();
            p.replace(Playlist.of(A, B, C, D));
            assertTrue(!p.next().orElseThrow().path().equals(last), "seed " + seed + ": the window spans the replacement");
        }
    }
}
