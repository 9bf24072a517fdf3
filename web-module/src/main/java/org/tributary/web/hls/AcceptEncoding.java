package org.tributary.web.hls;

import java.util.Locale;

/** Whether a request's {@code Accept-Encoding} takes gzip (RFC 9110 12.5.3: a listed coding, or "*", with q above 0). */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    static boolean gzip(String header) {
        if (header == null) {
            return false;
        }
        boolean star = false;
        for (String part : header.split(",")) {
            String[] fields = part.trim().split(";");
            String coding = fields[0].trim().toLowerCase(Locale.ROOT);
            boolean wanted = quality(fields) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return wanted;
            }
            if (coding.equals("*")) {
                star = wanted;
            }
        }
        return star;
    }

    /** The q parameter, 1 when absent, 0 when it does not parse. */
    private static double quality(String[] fields) {
        for (int i = 1; i < fields.length; i++) {
            String p = fields[i].trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
