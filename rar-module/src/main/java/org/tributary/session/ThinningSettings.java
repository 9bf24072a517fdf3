package org.tributary.session;

/**
 * The thinning settings new sessions get: the loss that makes a UDP client's video thinner and the least
 * time a level is kept. A threshold of 0 turns thinning off.
 */
public record ThinningSettings(int lossPercent, int secondsPerLevel) {

    public static final ThinningSettings OFF = new ThinningSettings(0, 1);

    public ThinningSettings {
        if (lossPercent < 0 || lossPercent > 100) {
            throw new IllegalArgumentException("thinning threshold must be 0..100 %, not " + lossPercent);
        }
        if (secondsPerLevel < 1) {
            throw new IllegalArgumentException("time per thinning level must be at least 1 s, not " + secondsPerLevel);
        }
    }

    public boolean on() {
        return lossPercent > 0;
    }

    /** A fresh decision for one track. */
    public ThinningPolicy newPolicy() {
        return new ThinningPolicy(lossPercent, secondsPerLevel * 1000L);
    }
}
