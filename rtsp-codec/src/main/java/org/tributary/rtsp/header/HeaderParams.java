package org.tributary.rtsp.header;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lexical helpers shared by the header records: splitting on {@code ;} or {@code ,} outside quoted
 * strings, {@code name=value} pairs with case-insensitive names, and quoted-string (un)escaping.
 */
public final class HeaderParams {

    /** One {@code name[=value]} piece; {@code value} is null when there was no '=', and is not unquoted. */
    public record Param(String name, String value) {

        public boolean is(String expected) {
            return name.equalsIgnoreCase(expected);
        }

        /** The name in lower case, for switch statements. */
        public String key() {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    private HeaderParams() {
    }

    /**
     * Rejects a null, blank or over-long value, or one holding control characters (RFC 2326 §15 allows
     * none but tab; trim() would silently drop them at the ends), and returns it trimmed.
     */
    public static String requireValue(String header, String value) {
        if (value == null || value.isBlank()) {
            throw new HeaderParseException(header, "empty value");
        }
        if (value.length() > HeaderLimits.MAX_VALUE_LENGTH) {
            throw new HeaderParseException(header,
                    "value longer than " + HeaderLimits.MAX_VALUE_LENGTH + " characters");
        }
        if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F)) {
            throw new HeaderParseException(header, "control character in the value");
        }
        return value.trim();
    }

    /**
     * Splits on {@code separator} where it is not inside a quoted string; pieces are trimmed and empty
     * pieces dropped.
     */
    public static List<String> split(String header, String value, char separator) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                addPiece(pieces, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new HeaderParseException(header, "unterminated quoted string in '" + value + "'");
        }
        addPiece(pieces, current);
        return pieces;
    }

    private static void addPiece(List<String> pieces, StringBuilder current) {
        String piece = current.toString().trim();
        if (!piece.isEmpty()) {
            pieces.add(piece);
        }
    }

    /** Splits one piece at its first '=' into a trimmed name and a trimmed, still-quoted value. */
    public static Param param(String header, String piece) {
        int eq = piece.indexOf('=');
        String name = (eq < 0 ? piece : piece.substring(0, eq)).trim();
        if (name.isEmpty()) {
            throw new HeaderParseException(header, "parameter without a name '" + piece + "'");
        }
        return new Param(name, eq < 0 ? null : piece.substring(eq + 1).trim());
    }

    /** Splits on {@code separator} and turns every piece into a {@link Param}. */
    public static List<Param> params(String header, String value, char separator) {
        List<Param> params = new ArrayList<>();
        for (String piece : split(header, value, separator)) {
            params.add(param(header, piece));
        }
        return params;
    }

    /** Removes surrounding double quotes and backslash escapes; an unquoted value is returned trimmed. */
    public static String unquote(String header, String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (!v.startsWith("\"")) {
            return v;
        }
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                out.append(v.charAt(++i));
            } else if (c == '"') {
                if (i != v.length() - 1) {
                    throw new HeaderParseException(header, "text after quoted string '" + v + "'");
                }
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw new HeaderParseException(header, "unterminated quoted string '" + v + "'");
    }

    /** Writes {@code text} as a quoted-string, escaping '"' and '\'. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /**
     * {@code text} as is when it is a plain token, else as a quoted-string: a value that was quoted because
     * it holds a separator must stay quoted when it is written back (e.g. a Transport {@code source}).
     */
    public static String quoteIfNeeded(String text) {
        boolean plain = !text.isEmpty() && text.chars().noneMatch(c -> c <= ' ' || ";,=\"\\".indexOf(c) >= 0);
        return plain ? text : quote(text);
    }

    /** Parses a decimal integer in [{@code min}, {@code max}] or throws "invalid {what} '{text}'". */
    public static int integer(String header, String what, String text, int min, int max) {
        long n = decimal(header, what, text);
        if (n < min || n > max) {
            throw new HeaderParseException(header, "invalid " + what + " '" + text + "'");
        }
        return (int) n;
    }

    /** Parses a non-negative decimal number of at most 18 digits. */
    public static long decimal(String header, String what, String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new HeaderParseException(header, "invalid " + what + " '" + text + "'");
        }
        return Long.parseLong(t);
    }

    /** Parses 1..{@code maxDigits} hexadecimal digits. */
    public static long hex(String header, String what, String text, int maxDigits) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.length() > maxDigits || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new HeaderParseException(header, "invalid " + what + " '" + text + "'");
        }
        return Long.parseLong(t, 16);
    }

    /** Throws unless {@code value} is present. */
    public static String requireParamValue(String header, Param p) {
        if (p.value() == null || p.value().isEmpty()) {
            throw new HeaderParseException(header, "missing value for " + p.name());
        }
        return p.value();
    }
}
