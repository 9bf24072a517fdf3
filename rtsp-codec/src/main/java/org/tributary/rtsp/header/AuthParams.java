package org.tributary.rtsp.header;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The comma-separated {@code name=value} parameters after an authentication scheme, unquoted, with
 * lower-case names; a repeated parameter is an error (RFC 7235 §2.1).
 */
final class AuthParams {

    private final String header;
    private final Map<String, String> values = new HashMap<>();

    private AuthParams(String header) {
        this.header = header;
    }

    static AuthParams parse(String header, String text) {
        AuthParams params = new AuthParams(header);
        for (HeaderParams.Param p : HeaderParams.params(header, text, ',')) {
            String key = p.key();
            if (params.values.containsKey(key)) {
                throw new HeaderParseException(header, "duplicate parameter '" + p.name() + "'");
            }
            params.values.put(key, HeaderParams.unquote(header, HeaderParams.requireParamValue(header, p)));
        }
        return params;
    }

    String optional(String name) {
        return values.get(name);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new HeaderParseException(header, "missing " + name);
        }
        return v;
    }

    Boolean flag(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                throw new HeaderParseException(header, "invalid " + name + " '" + v + "'");
        }
    }

    /** Splits {@code Scheme rest} at the first whitespace. */
    static String[] schemeAndRest(String header, String value) {
        String v = HeaderParams.requireValue(header, value);
        int space = 0;
        while (space < v.length() && !Character.isWhitespace(v.charAt(space))) {
            space++;
        }
        return new String[] {v.substring(0, space), v.substring(space).trim()};
    }
}
