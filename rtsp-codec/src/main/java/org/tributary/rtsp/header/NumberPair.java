package org.tributary.rtsp.header;

/** Parsing of {@code n} or {@code n-m} with both numbers in a range and m ≥ n. */
final class NumberPair {

    private NumberPair() {
    }

    static int[] parse(String header, String param, String text, int min, int max) {
        if (text == null || text.isBlank()) {
            throw new HeaderParseException(header, "missing value for " + param);
        }
        String t = text == null ? "" : text.trim();
        int dash = t.indexOf('-');
        try {
            int first = HeaderParams.integer(header, param, dash < 0 ? t : t.substring(0, dash), min, max);
            int last = dash < 0 ? first : HeaderParams.integer(header, param, t.substring(dash + 1), min, max);
            if (last < first) {
                throw new HeaderParseException(header, "invalid " + param + " '" + text + "'");
            }
            return new int[] {first, last};
        } catch (HeaderParseException e) {
            throw new HeaderParseException(header, "invalid " + param + " '" + text + "'");
        }
    }

    static String format(int first, int last) {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
