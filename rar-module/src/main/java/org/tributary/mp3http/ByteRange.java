package org.tributary.mp3http;

import java.util.Locale;

/**
 * One byte range of an HTTP {@code Range} header (RFC 9110 §14.1.2), resolved against the length of the
 * body, so players can seek in an on-demand MP3.
 *
 * @param first the first byte sent
 * @param last  the last byte sent (inclusive)
 */
record ByteRange(long first, long last) {

    /** A Range no byte of the body satisfies: answered 416 with {@code Content-Range: bytes *}{@code /length}. */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable(String message) {
            super(message);
        }
    }

    long length() {
        return last - first + 1;
    }

    /**
     * The range asked for, or null to send the whole body: no header, another unit, several ranges or a
     * header that does not parse (a server may ignore those, RFC 9110 §14.2).
     *
     * @throws Unsatisfiable when the one range asked for starts past the end (or is an empty suffix)
     */
    static ByteRange parse(String header, long length) throws Unsatisfiable {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        int eq = h.indexOf('=');
        if (eq < 0 || !h.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("bytes")) {
            return null;
        }
        String spec = h.substring(eq + 1).trim();
        if (spec.contains(",")) {
            return null; // several ranges would need multipart/byteranges; the whole body serves them too
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String from = spec.substring(0, dash).trim();
        String to = spec.substring(dash + 1).trim();
        try {
            if (from.isEmpty()) { // suffix: the last n bytes
                long n = digits(to);
                if (n == 0) {
                    throw new Unsatisfiable("an empty suffix range (bytes=-0)");
                }
                return new ByteRange(Math.max(0, length - n), length - 1);
            }
            long first = digits(from);
            long last = to.isEmpty() ? Long.MAX_VALUE : digits(to);
            if (last < first) {
                return null; // invalid: ignored
            }
            if (first >= length) {
                throw new Unsatisfiable("byte " + first + " is past the end (" + length + " bytes)");
            }
            return new ByteRange(first, Math.min(last, length - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long digits(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9') || s.length() > 18) {
            throw new NumberFormatException(s);
        }
        return Long.parseLong(s);
    }
}
