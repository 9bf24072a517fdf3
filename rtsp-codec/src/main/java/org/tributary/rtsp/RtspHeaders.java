package org.tributary.rtsp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ordered, case-insensitive list of header fields. Names are written in their canonical spelling
 * ({@code CSeq}, {@code RTP-Info}, {@code WWW-Authenticate}) whatever case a client used.
 */
public final class RtspHeaders {

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("cseq", "CSeq"),
            Map.entry("rtp-info", "RTP-Info"),
            Map.entry("www-authenticate", "WWW-Authenticate"),
            Map.entry("content-base", "Content-Base"),
            Map.entry("content-length", "Content-Length"),
            Map.entry("content-type", "Content-Type"),
            Map.entry("user-agent", "User-Agent"),
            Map.entry("x-sessioncookie", "x-sessioncookie"));

    private final List<String[]> fields = new ArrayList<>();

    public static String canonicalName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String known = CANONICAL.get(lower);
        if (known != null) {
            return known;
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean upperNext = true;
        for (char c : lower.toCharArray()) {
            out.append(upperNext ? Character.toUpperCase(c) : c);
            upperNext = c == '-';
        }
        return out.toString();
    }

    public RtspHeaders add(String name, String value) {
        fields.add(new String[] {canonicalName(name), value});
        return this;
    }

    /** Replaces every field of this name with one field. */
    public RtspHeaders set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    public void remove(String name) {
        fields.removeIf(f -> f[0].equalsIgnoreCase(name));
    }

    /** The first value of the field, or null. */
    public String get(String name) {
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                return f[1];
            }
        }
        return null;
    }

    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>();
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                values.add(f[1]);
            }
        }
        return values;
    }

    public boolean contains(String name) {
        return get(name) != null;
    }

    public int size() {
        return fields.size();
    }

    /** The fields as (name, value) pairs in the order they were added. */
    public List<Map.Entry<String, String>> entries() {
        List<Map.Entry<String, String>> list = new ArrayList<>(fields.size());
        for (String[] f : fields) {
            list.add(Map.entry(f[0], f[1]));
        }
        return Collections.unmodifiableList(list);
    }
}
