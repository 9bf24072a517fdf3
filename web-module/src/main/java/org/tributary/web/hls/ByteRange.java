package org.tributary.web.hls;

/**
 * One byte range of a {@code Range} header (RFC 9110 14.1.2), resolved against the resource's length.
 *
 * @param first the first byte, inclusive
 * @param last  the last byte, inclusive
 */
public record ByteRange(long first, long last) {

    /** The header asks only for bytes past the end (answered 416). */
    public static final class UnsatisfiableException extends Exception {
        UnsatisfiableException(String message) {
            super(message);
        }
    }

    /**
     * The range {@code header} asks for, or null to send the whole resource: no header, another unit, several
     * ranges (a server may ignore them) or a header that does not parse (RFC 9110: ignored).
     */
    public static ByteRange parse(String header, long length) throws UnsatisfiableException {
        if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0 || spec.indexOf(',') >= 0) {
            return null;
        }
        String from = spec.substring(0, dash).trim();
        String to = spec.substring(dash + 1).trim();
        long first;
        long last;
        try {
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0) {
                    throw new UnsatisfiableException("an empty suffix range");
                }
                first = Math.max(0, length - suffix);
                last = length - 1;
            } else {
                first = Long.parseLong(from);
                last = to.isEmpty() ? length - 1 : Math.min(Long.parseLong(to), length - 1);
                if (first < 0 || !to.isEmpty() && Long.parseLong(to) < first) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (first >= length) {
            throw new UnsatisfiableException("bytes " + spec + " lie past the end (" + length + " bytes)");
        }
        return new ByteRange(first, last);
    }

    public long length() {
        return last - first + 1;
    }

    /** The Content-Range value of a 206. */
    public String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }
}
