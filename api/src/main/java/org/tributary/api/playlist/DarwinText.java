package org.tributary.api.playlist;

import java.util.ArrayList;
import java.util.List;

/** Line handling shared by the playlist and config parsers. */
final class DarwinText {

    /** How many problems one parse reports before it stops reading. */
    static final int MAX_ERRORS = 100;

    private DarwinText() {
    }

    /** The lines of {@code text}: LF or CRLF ends a line, a UTF-8 byte order mark at the start is dropped. */
    static List<String> lines(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < t.length()) {
            int end = t.indexOf('\n', start);
            int next = end < 0 ? t.length() : end + 1;
            int stop = end < 0 ? t.length() : end;
            if (stop > start && t.charAt(stop - 1) == '\r') {
                stop--;
            }
            lines.add(t.substring(start, stop));
            start = next;
        }
        return lines;
    }

    static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A playlist or media path resolved against the folder of the file naming it, lexically: {@code .}
     * segments go, {@code x/..} pairs cancel, an absolute path stays absolute.
     */
    static String resolve(String namingFile, String path) {
        if (path.startsWith("/")) {
            return normalize(path);
        }
        int slash = namingFile.lastIndexOf('/');
        return normalize(slash < 0 ? path : namingFile.substring(0, slash + 1) + path);
    }

    static String normalize(String path) {
        boolean absolute = path.startsWith("/");
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..") && !segments.isEmpty() && !segments.get(segments.size() - 1).equals("..")) {
                segments.remove(segments.size() - 1);
            } else if (!(s.equals("..") && absolute)) {
                segments.add(s);
            }
        }
        return (absolute ? "/" : "") + String.join("/", segments);
    }
}
