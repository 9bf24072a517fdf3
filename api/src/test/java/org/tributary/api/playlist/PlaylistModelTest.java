package org.tributary.api.playlist;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlaylistModelTest {

    @Test
    void playModesAreReadInDarwinsSpellingsInAnyCase() {
        assertEquals(PlayMode.SEQUENTIAL, PlayMode.parse("sequential"));
        assertEquals(PlayMode.SEQUENTIAL_LOOPED, PlayMode.parse(" Sequential_Looped "));
        assertEquals(PlayMode.WEIGHTED_RANDOM, PlayMode.parse("WEIGHTED_RANDOM"));
        assertEquals("weighted_random", PlayMode.WEIGHTED_RANDOM.configName());
    }

    @Test
    void otherPlayModesAreRefusedNamingTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlayMode.parse("shuffle"));
        assertEquals("play mode must be sequential, sequential_looped or weighted_random, not 'shuffle'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlayMode.parse("sequential looped"));
        assertThrows(IllegalArgumentException.class, () -> PlayMode.parse(""));
    }

    @Test
    void weightsRunFromOneToTen() {
        assertEquals(10, PlaylistItem.of("a.mp4").weight());
        assertEquals(1, new PlaylistItem("a.mp4", 1).weight());
        assertEquals("weight must be 1 to 10, not 0",
                assertThrows(IllegalArgumentException.class, () -> new PlaylistItem("a.mp4", 0)).getMessage());
        assertEquals("weight must be 1 to 10, not 11",
                assertThrows(IllegalArgumentException.class, () -> new PlaylistItem("a.mp4", 11)).getMessage());
    }

    @Test
    void pathsTheFormatCannotCarryAreRefused() {
        assertEquals("empty path", assertThrows(IllegalArgumentException.class, () -> PlaylistItem.of(" ")).getMessage());
        assertEquals("control character in path",
                assertThrows(IllegalArgumentException.class, () -> PlaylistItem.of("a\nb.mp4")).getMessage());
        assertEquals("double quote in path 'say \"hi\".mp4' (a playlist cannot escape it)",
                assertThrows(IllegalArgumentException.class, () -> PlaylistItem.of("say \"hi\".mp4")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlaylistItem.of(null));
    }

    @Test
    void aPlaylistHasItemsAndIsImmutable() {
        assertEquals("a playlist needs at least one item",
                assertThrows(IllegalArgumentException.class, () -> new Playlist(List.of())).getMessage());
        Playlist p = Playlist.of(PlaylistItem.of("a.mp4"), PlaylistItem.of("a.mp4"));
        assertEquals(2, p.size());
        assertThrows(UnsupportedOperationException.class, () -> p.items().add(PlaylistItem.of("b.mp4")));
    }
}
