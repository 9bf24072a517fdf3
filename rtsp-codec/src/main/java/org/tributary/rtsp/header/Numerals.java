package org.tributary.rtsp.header;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The two number forms RTSP answers write on every session setup: NPT seconds with three decimals and
 * SSRCs as eight hex digits. They give what {@code String.format("%.3f")} and {@code "%08X"} give, without
 * parsing a format string per call.
 */
public final class Numerals {

    private Numerals() {
    }

    /** {@code 12.345}: rounded half up to three decimals, as {@code String.format(Locale.ROOT, "%.3f", v)}. */
    public static String threeDecimals(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(Double.toString(value)).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code 0000ABCD}: upper-case hex, at least eight digits, as {@code String.format("%08X", v)}. */
    public static String hex8(long value) {
        String hex = Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
        return hex.length() >= 8 ? hex : "00000000".substring(hex.length()) + hex;
    }
}
