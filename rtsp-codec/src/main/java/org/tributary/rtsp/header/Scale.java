package org.tributary.rtsp.header;

/** The Scale header (RFC 2326 §12.34): playback rate relative to normal, negative for reverse; never 0. */
public record Scale(float value) {

    public static final String HEADER = "Scale";

    public Scale {
        if (value == 0 || !Float.isFinite(value)) {
            throw new HeaderParseException(HEADER, "invalid scale '" + value + "'");
        }
    }

    public static Scale parse(String value) {
        return new Scale(DecimalRatio.parse(HEADER, "scale", value));
    }

    public String format() {
        return DecimalRatio.format(value);
    }
}
