package org.tributary.loadtool.rtsp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One {@code WWW-Authenticate} challenge: a scheme and its parameters (names lower-cased). */
public record AuthChallenge(String scheme, Map<String, String> params) {

    public static AuthChallenge parse(String header) {
        String text = header.trim();
        int space = text.indexOf(' ');
        String scheme = space < 0 ? text : text.substring(0, space);
        Map<String, String> params = new LinkedHashMap<>();
        int i = space < 0 ? text.length() : space + 1;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < text.length() && text.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    sb.append(text.charAt(i));
                    i++;
                }
                i++;
                value = sb.toString();
            } else {
                int comma = text.indexOf(',', i);
                int stop = comma < 0 ? text.length() : comma;
                value = text.substring(i, stop).trim();
                i = stop;
            }
            params.put(name, value);
        }
        return new AuthChallenge(scheme, params);
    }

    public boolean isDigest() {
        return scheme.equalsIgnoreCase("Digest");
    }

    public boolean isBasic() {
        return scheme.equalsIgnoreCase("Basic");
    }

    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }
}
