package org.tributary.api.playlist;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a Darwin {@code *PLAY-LIST*} file ({@code .ply}, also the {@code .insertlist},
 * {@code .replacelist} and {@code .upcoming} files):
 * <ul>
 * <li>the first line is exactly {@code *PLAY-LIST*};</li>
 * <li>blank lines and lines starting with {@code #} are skipped;</li>
 * <li>{@code + name} includes another playlist, which needs its own header;</li>
 * <li>any other line is a path, in double quotes if it has blanks, optionally followed by a weight
 * from 1 to 10 (10 when none is given); a path naming a folder adds the folder's media files with the
 * line's weight.</li>
 * </ul>
 * Relative names are resolved against the folder of the file that names them, lexically, and included
 * files and folders are read through the functions the caller supplies, so this class never touches the
 * file system. Every problem is reported as {@code file:line: message} in one
 * {@link PlaylistSyntaxException}; the caller's functions may throw, which is reported the same way.
 */
public final class DarwinPlaylistParser {

    public static final String HEADER = "*PLAY-LIST*";

    private final PlaylistLimits limits;
    private final Function<String, Optional<String>> includes;
    private final Function<String, Optional<List<String>>> folders;

    /**
     * @param includes the text of an included playlist by resolved name, or empty when there is none
     * @param folders  the media file names (no folder part) in a folder by resolved path, in play order, or
     *                 empty when the path is not a folder
     */
    public DarwinPlaylistParser(PlaylistLimits limits, Function<String, Optional<String>> includes,
                                Function<String, Optional<List<String>>> folders) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.includes = Objects.requireNonNull(includes, "includes");
        this.folders = Objects.requireNonNull(folders, "folders");
    }

    /** A parser with the default limits for a playlist that includes nothing and names no folder. */
    public static DarwinPlaylistParser standalone() {
        return new DarwinPlaylistParser(PlaylistLimits.DEFAULTS, name -> Optional.empty(), path -> Optional.empty());
    }

    /**
     * @param text     the playlist's text
     * @param fileName the name messages carry and relative paths are resolved against
     */
    public Playlist parse(String text, String fileName) throws PlaylistSyntaxException {
        Run run = new Run();
        String top = DarwinText.normalize(fileName);
        int lines = run.file(top, text, 0);
        if (run.errors.isEmpty() && run.items.isEmpty()) {
            run.errors.add(top + ":" + Math.max(lines, 1) + ": the playlist has no items");
        }
        if (!run.errors.isEmpty()) {
            throw new PlaylistSyntaxException(run.errors);
        }
        return new Playlist(run.items);
    }

    /** The state of one parse. */
    private final class Run {
        final List<PlaylistItem> items = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        /** The files being read, outermost first, for cycle detection. */
        final Deque<String> open = new ArrayDeque<>();
        boolean stopped;

        /** Reads one file; returns its line count. */
        int file(String name, String text, int depth) {
            List<String> lines = DarwinText.lines(text);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                error(name, 1, "the first line must be " + HEADER);
                return lines.size();
            }
            open.addLast(name);
            for (int i = 1; i < lines.size() && !stopped; i++) {
                int lineNumber = i + 1;
                String raw = lines.get(i);
                if (raw.length() > limits.maxLineLength()) {
                    error(name, lineNumber, "line longer than " + limits.maxLineLength() + " characters");
                    continue;
                }
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("+")) {
                    include(name, lineNumber, line.substring(1).strip(), depth);
                } else {
                    item(name, lineNumber, line);
                }
            }
            open.removeLast();
            return lines.size();
        }

        void include(String name, int lineNumber, String target, int depth) {
            // The rest of the line is the name; quotes are optional.
            if (target.length() >= 2 && target.startsWith("\"") && target.endsWith("\"")) {
                target = target.substring(1, target.length() - 1);
            }
            if (target.isBlank()) {
                error(name, lineNumber, "an include needs a playlist name");
                return;
            }
            String resolved = DarwinText.resolve(name, target);
            if (open.contains(resolved)) {
                error(name, lineNumber, "include cycle: " + String.join(" -> ", open) + " -> " + resolved);
                return;
            }
            if (depth + 1 > limits.maxIncludeDepth()) {
                error(name, lineNumber, "includes nested deeper than " + limits.maxIncludeDepth() + " (at '" + resolved + "')");
                return;
            }
            Optional<String> text;
            try {
                text = includes.apply(resolved);
            } catch (RuntimeException e) {
                error(name, lineNumber, "cannot read included playlist '" + resolved + "': " + e.getMessage());
                return;
            }
            if (text.isEmpty()) {
                error(name, lineNumber, "included playlist '" + resolved + "' not found");
                return;
            }
            file(resolved, text.get(), depth + 1);
        }

        void item(String name, int lineNumber, String line) {
            String path;
            String rest;
            if (line.startsWith("\"")) {
                int close = line.indexOf('"', 1);
                if (close < 0) {
                    error(name, lineNumber, "no closing quote");
                    return;
                }
                path = line.substring(1, close);
                rest = line.substring(close + 1);
                if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
                    error(name, lineNumber, "a blank must follow the closing quote");
                    return;
                }
            } else {
                int blank = DarwinText.indexOfBlank(line);
                path = blank < 0 ? line : line.substring(0, blank);
                rest = blank < 0 ? "" : line.substring(blank);
            }
            rest = rest.strip();
            int weight = PlaylistItem.DEFAULT_WEIGHT;
            if (!rest.isEmpty()) {
                if (!rest.matches("[+-]?[0-9]{1,9}")) {
                    error(name, lineNumber, "weight must be a whole number from 1 to 10, not '" + rest
                            + "' (quote a path that has blanks)");
                    return;
                }
                weight = Integer.parseInt(rest);
                if (weight < PlaylistItem.MIN_WEIGHT || weight > PlaylistItem.MAX_WEIGHT) {
                    error(name, lineNumber, "weight must be 1 to 10, not " + weight);
                    return;
                }
            }
            if (path.isBlank()) {
                error(name, lineNumber, "empty path");
                return;
            }
            String resolved = DarwinText.resolve(name, path);
            Optional<List<String>> folder;
            try {
                folder = folders.apply(resolved);
            } catch (RuntimeException e) {
                error(name, lineNumber, "cannot list '" + resolved + "': " + e.getMessage());
                return;
            }
            List<String> paths = folder.map(files -> files.stream().map(f -> resolved + "/" + f).toList())
                    .orElse(List.of(resolved));
            for (String p : paths) {
                if (items.size() >= limits.maxItems()) {
                    error(name, lineNumber, "more than " + limits.maxItems() + " items");
                    stopped = true;
                    return;
                }
                try {
                    items.add(new PlaylistItem(p, weight));
                } catch (IllegalArgumentException e) {
                    error(name, lineNumber, e.getMessage());
                    return;
                }
            }
        }

        void error(String file, int line, String message) {
            if (errors.size() == DarwinText.MAX_ERRORS) {
                errors.add(file + ":" + line + ": more than " + DarwinText.MAX_ERRORS + " errors, stopped reading");
                stopped = true;
            } else if (errors.size() < DarwinText.MAX_ERRORS) {
                errors.add(file + ":" + line + ": " + message);
            }
        }
    }
}
