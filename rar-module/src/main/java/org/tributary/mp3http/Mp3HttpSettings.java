package org.tributary.mp3http;

/**
 * Limits of MP3 over HTTP, validated at adapter start and when an administrator changes them (the
 * messages name the settings' fields).
 *
 * @param maxStreams   HTTP MP3 streams at once; more get 503
 * @param burstSeconds audio sent at once when a stream starts, so a player starts without waiting
 * @param icyMetaint   audio bytes between two ICY metadata blocks (the icy-metaint header)
 * @param stallSeconds a client that takes no bytes for this long is dropped
 */
public record Mp3HttpSettings(int maxStreams, int burstSeconds, int icyMetaint, int stallSeconds) {

    /** The defaults of the {@code tributary.mp3.*} properties (SettingsSchema). */
    public static final Mp3HttpSettings DEFAULTS = new Mp3HttpSettings(1000, 3, 16000, 60);

    public Mp3HttpSettings {
        range("mp3MaxStreams", maxStreams, 0, 1_000_000);
        range("mp3BurstSeconds", burstSeconds, 0, 60);
        range("mp3IcyMetaint", icyMetaint, 256, 65536);
        range("mp3StallSeconds", stallSeconds, 1, 3600);
    }

    /** One field out of its range; {@link #field()} names it, the message says it and the range. */
    public static final class InvalidField extends IllegalArgumentException {
        private final String field;
        private final String problem;

        InvalidField(String field, String problem) {
            super(field + ": " + problem);
            this.field = field;
            this.problem = problem;
        }

        public String field() {
            return field;
        }

        public String problem() {
            return problem;
        }
    }

    private static void range(String property, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidField(property, "must be between " + min + " and " + max + ", not " + value);
        }
    }
}
