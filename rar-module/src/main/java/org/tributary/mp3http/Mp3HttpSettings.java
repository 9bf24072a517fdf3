package org.tributary.mp3http;

/**
 * Limits of MP3 over HTTP, validated at adapter start.
 *
 * @param maxStreams   HTTP MP3 streams at once; more get 503
 * @param burstSeconds audio sent at once when a stream starts, so a player starts without waiting
 * @param icyMetaint   audio bytes between two ICY metadata blocks (the icy-metaint header)
 * @param stallSeconds a client that takes no bytes for this long is dropped
 */
public record Mp3HttpSettings(int maxStreams, int burstSeconds, int icyMetaint, int stallSeconds) {

    public static final Mp3HttpSettings DEFAULTS = new Mp3HttpSettings(1000, 3, 16000, 60);

    public Mp3HttpSettings {
        range("mp3MaxStreams", maxStreams, 0, 1_000_000);
        range("mp3BurstSeconds", burstSeconds, 0, 60);
        range("mp3IcyMetaint", icyMetaint, 256, 65536);
        range("mp3StallSeconds", stallSeconds, 1, 3600);
    }

    private static void range(String property, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(property + ": must be between " + min + " and " + max + ", not " + value);
        }
    }
}
