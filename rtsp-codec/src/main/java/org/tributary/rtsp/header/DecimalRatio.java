package org.tributary.rtsp.header;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Parsing and canonical writing of the decimal numbers in Scale and Speed. */
final class DecimalRatio {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d{1,9}(\\.\\d{0,9})?|\\.\\d{1,9})");

    private DecimalRatio() {
    }

    static float parse(String header, String what, String value) {
        String v = HeaderParams.requireValue(header, value);
        if (!DECIMAL.matcher(v).matches()) {
            throw new HeaderParseException(header, "invalid " + what + " '" + v + "'");
        }
        return Float.parseFloat(v);
    }

    /** {@code 1.0}, {@code -2.0}, {@code 1.5}: shortest decimal with at least one fractional digit. */
    static String format(float value) {
        String plain = new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
