package org.tributary.api.access;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one lexical spelling of a path below the media root: no leading, trailing or repeated slashes,
 * no {@code .} segments, {@code ..} segments resolved. The adapter's catalogue builds its canonical
 * paths on it (and then resolves symbolic links), the EJB side normalizes rule prefixes and the paths it
 * is asked about with it, so both sides can only ever compare the same spelling.
 */
public final class MediaPaths {

    /** Why a path has no canonical spelling. */
    public static final class BadPathException extends IllegalArgumentException {
        private final boolean leavesRoot;

        BadPathException(String message, boolean leavesRoot) {
            super(message);
            this.leavesRoot = leavesRoot;
        }

        /** True when {@code ..} climbs above the media root; false for a malformed path. */
        public boolean leavesRoot() {
            return leavesRoot;
        }
    }

    private MediaPaths() {
    }

    /**
     * @param decodedPath a path already percent-decoded once, with or without a leading slash
     * @return the canonical spelling, without leading slash ("" for the root)
     * @throws BadPathException for a control character, a backslash, a percent escape still there after
     *                          decoding (double encoding), an invalid UTF-8 escape, or a {@code ..} above the root
     */
    public static String normalize(String decodedPath) {
        for (int i = 0; i < decodedPath.length(); i++) {
            char c = decodedPath.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new BadPathException("control character in path '" + printable(decodedPath) + "'", false);
            }
            if (c == '\\') {
                throw new BadPathException("backslash in path '" + printable(decodedPath) + "'", false);
            }
            if (c == '\uFFFD') {
                throw new BadPathException("invalid UTF-8 escape in path '" + printable(decodedPath) + "'", false);
            }
            // Decoded once, a path holding "%2e" or "%2F" was encoded twice: another decoder might read it differently.
            if (c == '%' && i + 2 < decodedPath.length() && hex(decodedPath.charAt(i + 1)) && hex(decodedPath.charAt(i + 2))) {
                throw new BadPathException("percent escape left after decoding (double encoding) in '"
                        + printable(decodedPath) + "'", false);
            }
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decodedPath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new BadPathException("path '" + printable(decodedPath) + "' leaves the media folder", true);
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Each segment of a media path percent-encoded for a URL path ("a b/c.mp4" → "a%20b/c.mp4"). */
    public static String urlPath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (String segment : path.split("/", -1)) {
            out.append(urlComponent(segment)).append('/');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** A value percent-encoded for a URL path segment or a query parameter: spaces as %20, never '+'. */
    public static String urlComponent(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The path for a log line: printable ASCII only, at most 200 characters. */
    public static String printable(String s) {
        String p = s.replaceAll("[^\\x20-\\x7e]", "?");
        return p.length() > 200 ? p.substring(0, 200) + "..." : p;
    }
}
