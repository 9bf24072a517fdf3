package org.tributary.session;

/**
 * Instant-on pacing of one PLAY: the first {@code aheadMicros} of media go out {@code multiple} times faster
 * than real time, so a player's jitter buffer fills at once; from then on media go out in real time, staying
 * as far ahead as the burst got them (the lead is kept, not paid back). Only send times change: RTP
 * timestamps stay those of the media.
 */
public record Overbuffer(long aheadMicros, double multiple) {

    /** Real time from the first packet. */
    public static final Overbuffer NONE = new Overbuffer(0, 1);

    public Overbuffer {
        if (aheadMicros < 0) {
            throw new IllegalArgumentException("instant-on media must not be negative: " + aheadMicros + " µs");
        }
        if (!(multiple >= 1) || Double.isInfinite(multiple)) {
            throw new IllegalArgumentException("instant-on speed must be at least real time: " + multiple);
        }
    }

    public boolean bursts() {
        return aheadMicros > 0 && multiple > 1;
    }

    /**
     * When the media {@code mediaMicros} after the start of the PLAY go out, in microseconds after the PLAY
     * started.
     */
    public long sendMicros(long mediaMicros) {
        if (!bursts()) {
            return mediaMicros;
        }
        if (mediaMicros <= aheadMicros) {
            return (long) (mediaMicros / multiple);
        }
        return mediaMicros - leadMicros();
    }

    /** How far ahead of real time the media are once the burst is over. */
    public long leadMicros() {
        return bursts() ? aheadMicros - (long) (aheadMicros / multiple) : 0;
    }
}
