package org.tributary.live.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The broadcasters file: one section per broadcaster, named in brackets, then {@code key = value} lines.
 * <pre>
 * # a test pattern, started by its first viewer
 * [pattern]
 * path = /live/pattern.sdp
 * mode = on-demand
 * linger = 10
 * start-timeout = 15
 * command = ffmpeg -re -f lavfi -i testsrc2=size=320x240:rate=25 -c:v libx264 -preset ultrafast
 *           -tune zerolatency -g 25 -f rtsp -rtsp_transport tcp {url}
 * </pre>
 * {@code path} and {@code command} are required; {@code mode} defaults to on-demand, {@code linger} to 10 s,
 * {@code start-timeout} to 15 s. A line starting with a blank continues the previous value; a line starting
 * with {@code #} is a comment. The command is split into arguments by {@link CommandWords} (no shell).
 * A missing file defines no broadcasters; any mistake rejects the whole file with its line number.
 */
public final class BroadcastersFile {

    static final int DEFAULT_LINGER_SECONDS = 10;
    static final int DEFAULT_START_TIMEOUT_SECONDS = 15;
    static final int MAX_LINGER_SECONDS = 86_400;
    static final int MAX_START_TIMEOUT_SECONDS = 600;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> KEYS = Set.of("path", "mode", "linger", "start-timeout", "command");

    /** A mistake in the file, with the file and line it is on. */
    public static final class MalformedException extends Exception {
        MalformedException(String file, int line, String problem) {
            super(file + " line " + line + ": " + problem);
        }
    }

    private BroadcastersFile() {
    }

    /**
     * The definitions of a file; none when it does not exist.
     *
     * @throws MalformedException for the first mistake in it
     * @throws IOException        when it exists but cannot be read
     */
    public static List<BroadcasterDefinition> load(Path file) throws MalformedException, IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return parse(file.toString(), text);
    }

    /** @param source the file's name, for the messages */
    static List<BroadcasterDefinition> parse(String source, String text) throws MalformedException {
        List<BroadcasterDefinition> out = new ArrayList<>();
        Map<String, Integer> paths = new HashMap<>();
        Section section = null;
        String lastKey = null;
        String[] lines = text.split("\r?\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (section == null || lastKey == null) {
                    throw new MalformedException(source, n, "an indented line continues nothing");
                }
                section.append(lastKey, trimmed);
            } else if (trimmed.startsWith("[")) {
                if (section != null) {
                    out.add(section.definition(source, paths));
                }
                if (!trimmed.endsWith("]") || !NAME.matcher(trimmed.substring(1, trimmed.length() - 1)).matches()) {
                    throw new MalformedException(source, n, "a section is [name], the name of letters, digits,"
                            + " '.', '_' and '-' (at most 64): " + trimmed);
                }
                String name = trimmed.substring(1, trimmed.length() - 1);
                for (BroadcasterDefinition d : out) {
                    if (d.name().equals(name)) {
                        throw new MalformedException(source, n, "a second broadcaster named '" + name + "'");
                    }
                }
                section = new Section(name, n);
                lastKey = null;
            } else {
                int equals = trimmed.indexOf('=');
                if (equals < 0) {
                    throw new MalformedException(source, n, "expected 'key = value', [name] or # comment: " + trimmed);
                }
                String key = trimmed.substring(0, equals).strip();
                if (section == null) {
                    throw new MalformedException(source, n, "'" + key + "' before the first [name]");
                }
                if (!KEYS.contains(key)) {
                    throw new MalformedException(source, n, "unknown key '" + key
                            + "' (path, mode, linger, start-timeout, command)");
                }
                if (!section.put(key, trimmed.substring(equals + 1).strip(), n)) {
                    throw new MalformedException(source, n, "'" + key + "' given twice for [" + section.name + "]");
                }
                lastKey = key;
            }
        }
        if (section != null) {
            out.add(section.definition(source, paths));
        }
        return out;
    }

    /** The lines of one [name] so far, each value with the line it started on. */
    private static final class Section {
        private final String name;
        private final int line;
        private final Map<String, StringBuilder> values = new LinkedHashMap<>();
        private final Map<String, Integer> lines = new HashMap<>();

        Section(String name, int line) {
            this.name = name;
            this.line = line;
        }

        boolean put(String key, String value, int n) {
            if (values.containsKey(key)) {
                return false;
            }
            values.put(key, new StringBuilder(value));
            lines.put(key, n);
            return true;
        }

        void append(String key, String more) {
            values.get(key).append(' ').append(more);
        }

        BroadcasterDefinition definition(String source, Map<String, Integer> paths) throws MalformedException {
            String path = required("path", source);
            if (!path.startsWith("/") || path.length() == 1 || path.chars().anyMatch(Character::isWhitespace)) {
                throw new MalformedException(source, lines.get("path"), "the path of [" + name
                        + "] must start with / and name a stream, without blanks: " + path);
            }
            Integer taken = paths.putIfAbsent(path, line);
            if (taken != null) {
                throw new MalformedException(source, lines.get("path"), "[" + name + "] publishes to " + path
                        + ", as the broadcaster on line " + taken + " does");
            }
            List<String> command;
            try {
                command = CommandWords.split(required("command", source));
            } catch (IllegalArgumentException e) {
                throw new MalformedException(source, lines.get("command"), e.getMessage());
            }
            if (command.isEmpty()) {
                throw new MalformedException(source, lines.get("command"), "the command of [" + name + "] is empty");
            }
            StartMode mode;
            try {
                mode = values.containsKey("mode") ? StartMode.of(text("mode")) : StartMode.ON_DEMAND;
            } catch (IllegalArgumentException e) {
                throw new MalformedException(source, lines.get("mode"), e.getMessage());
            }
            return new BroadcasterDefinition(name, path, command, mode,
                    seconds("linger", DEFAULT_LINGER_SECONDS, 0, MAX_LINGER_SECONDS, source),
                    seconds("start-timeout", DEFAULT_START_TIMEOUT_SECONDS, 1, MAX_START_TIMEOUT_SECONDS, source));
        }

        private String text(String key) {
            return values.get(key).toString();
        }

        private String required(String key, String source) throws MalformedException {
            if (!values.containsKey(key) || text(key).isEmpty()) {
                throw new MalformedException(source, line, "[" + name + "] has no " + key);
            }
            return text(key);
        }

        private int seconds(String key, int otherwise, int min, int max, String source) throws MalformedException {
            if (!values.containsKey(key)) {
                return otherwise;
            }
            try {
                int value = Integer.parseInt(text(key));
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new MalformedException(source, lines.get(key), key + " of [" + name + "] must be whole seconds from "
                    + min + " to " + max + ": " + text(key));
        }
    }
}
