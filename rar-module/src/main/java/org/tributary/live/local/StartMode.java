package org.tributary.live.local;

/** When a local broadcaster runs. */
public enum StartMode {
    /** From the adapter's start to its stop. */
    ALWAYS("always"),
    /** From the first viewer of its path until its linger time after the last one. */
    ON_DEMAND("on-demand");

    private final String word;

    StartMode(String word) {
        this.word = word;
    }

    /** How the broadcasters file and the API spell it. */
    public String word() {
        return word;
    }

    /** @throws IllegalArgumentException naming the two words */
    static StartMode of(String word) {
        for (StartMode mode : values()) {
            if (mode.word.equals(word)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode '" + word + "' is neither 'always' nor 'on-demand'");
    }
}
