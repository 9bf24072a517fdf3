package org.tributary.api.settings;

import java.util.regex.Pattern;

/**
 * The web origin allowed to fetch HLS from other sites: "none", "*", or one origin (scheme, host, optional
 * port; no path), as Access-Control-Allow-Origin carries it.
 */
public final class CorsOrigin {

    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:[0-9]{1,5})?");

    private CorsOrigin() {
    }

    /** The header value, or null for "none". */
    public static String parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("none")) {
            return null;
        }
        if (t.equals("*") || ORIGIN.matcher(t).matches()) {
            return t;
        }
        throw new IllegalArgumentException("must be an origin such as https://intranet.example.com (scheme, host,"
                + " optional port, no path), * for any, or none");
    }
}
