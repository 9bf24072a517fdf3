package org.tributary.api.playlist;

import java.util.Locale;

/** The order in which a channel plays its playlist (Darwin's {@code play_mode}). */
public enum PlayMode {
    /** Each item once, in list order, then the channel ends. */
    SEQUENTIAL("sequential"),
    /** List order, starting over after the last item. Darwin's default. */
    SEQUENTIAL_LOOPED("sequential_looped"),
    /** Random picks in proportion to the items' weights, never ending. */
    WEIGHTED_RANDOM("weighted_random");

    private final String configName;

    PlayMode(String configName) {
        this.configName = configName;
    }

    /** The spelling in a Darwin {@code .config} file. */
    public String configName() {
        return configName;
    }

    /**
     * @param text a Darwin spelling, in any case, surrounding blanks ignored
     * @throws IllegalArgumentException naming the accepted spellings
     */
    public static PlayMode parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (PlayMode mode : values()) {
            if (mode.configName.equals(t)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("play mode must be sequential, sequential_looped or weighted_random, not '"
                + text.trim() + "'");
    }
}
