package org.tributary.rtsp.header;

/** The Speed header (RFC 2326 §12.35): delivery speed relative to normal; must be positive. */
public record Speed(float value) {

    public static final String HEADER = "Speed";

    public Speed {
        if (!(value > 0) || !Float.isFinite(value)) {
            throw new HeaderParseException(HEADER, "invalid speed '" + value + "'");
        }
    }

    public static Speed parse(String value) {
        return new Speed(DecimalRatio.parse(HEADER, "speed", value));
    }

    public String format() {
        return DecimalRatio.format(value);
    }
}
