package org.tributary.sdp;

import java.util.Objects;

/** A b= field: {@code AS:256} (kbit/s) or {@code TIAS:64000} (bit/s). */
public record Bandwidth(String type, long value) {

    public Bandwidth {
        Objects.requireNonNull(type, "type");
        if (value < 0) {
            throw new IllegalArgumentException("negative bandwidth " + value);
        }
    }

    public static Bandwidth as(long kbps) {
        return new Bandwidth("AS", kbps);
    }

    public static Bandwidth tias(long bps) {
        return new Bandwidth("TIAS", bps);
    }

    String format() {
        return type + ":" + value;
    }
}
