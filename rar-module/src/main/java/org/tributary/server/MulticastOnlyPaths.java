package org.tributary.server;

import java.util.Arrays;
import java.util.List;

/**
 * The live paths served only by multicast ({@code tributary.multicast.only-paths}): a comma-separated list
 * of path prefixes, such as {@code live/allhands}. A path is covered when it is a prefix or continues it
 * with {@code /} or {@code .} ({@code live/allhands.sdp}, {@code live/allhands/cam}), so {@code live/all}
 * does not cover {@code live/allhands}.
 */
public record MulticastOnlyPaths(List<String> prefixes) {

    static final MulticastOnlyPaths NONE = new MulticastOnlyPaths(List.of());

    public MulticastOnlyPaths {
        prefixes = List.copyOf(prefixes);
    }

    /**
     * @param text comma-separated prefixes, leading and trailing slashes ignored; "none" (or blank) for none
     * @throws IllegalArgumentException for an empty entry or one naming . or .. segments
     */
    public static MulticastOnlyPaths parse(String text) {
        if (text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        return new MulticastOnlyPaths(Arrays.stream(text.split(",", -1)).map(MulticastOnlyPaths::prefix).toList());
    }

    private static String prefix(String entry) {
        String p = entry.trim().replaceAll("^/+|/+$", "");
        if (p.isEmpty()) {
            throw new IllegalArgumentException("an empty path in the list (two commas, or a lone /)");
        }
        for (String segment : p.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not a plain path: no empty, . or .."
                        + " segments");
            }
        }
        return p;
    }

    /** Whether this presentation path (without leading slash) is multicast-only. */
    boolean covers(String path) {
        for (String p : prefixes) {
            if (path.startsWith(p) && (path.length() == p.length() || path.charAt(p.length()) == '/'
                    || path.charAt(p.length()) == '.')) {
                return true;
            }
        }
        return false;
    }
}
