package org.tributary.ejb.logs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the error log's lines ({@code <date time>: <LEVEL>: [<class>] <text>}, as server-config's
 * TRIBUTARY_ERROR formatter writes them). A line that does not start an entry (a stack trace) belongs to
 * the entry before it.
 */
public final class ErrorLogParser {

    /** Severity order; a filter level keeps its own and the more severe ones. */
    static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    private static final Pattern ENTRY = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}): ([A-Z]+): (.*)$");

    private ErrorLogParser() {
    }

    /**
     * The level as the log spells it; accepts "warning" and any case.
     *
     * @throws IllegalArgumentException for a word that is no level
     */
    public static String level(String text) {
        String upper = canonical(text.trim().toUpperCase(Locale.ROOT));
        if (!LEVELS.contains(upper)) {
            throw new IllegalArgumentException("level '" + text + "' is not one of " + String.join(", ", LEVELS));
        }
        return upper;
    }

    /**
     * The log manager writes java.util.logging's names for records logged through it (WARNING, SEVERE,
     * FINE); the console shows one vocabulary.
     */
    static String canonical(String level) {
        return switch (level) {
            case "WARNING" -> "WARN";
            case "SEVERE" -> "ERROR";
            case "CONFIG" -> "INFO";
            case "FINE" -> "DEBUG";
            case "FINER", "FINEST" -> "TRACE";
            default -> level;
        };
    }

    /** The last {@code maxLines} entries at {@code minLevel} or above, oldest first. */
    static List<ErrorLogLine> tail(Iterable<String> lines, int maxLines, String minLevel) {
        int min = LEVELS.indexOf(minLevel);
        Deque<ErrorLogLine> kept = new ArrayDeque<>();
        ErrorLogLine current = null;
        StringBuilder continuation = new StringBuilder();
        for (String line : lines) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                keep(kept, current, continuation, min, maxLines);
                current = new ErrorLogLine(m.group(1), canonical(m.group(2)), m.group(3));
                continuation.setLength(0);
            } else if (current != null) {
                continuation.append('\n').append(line);
            }
        }
        keep(kept, current, continuation, min, maxLines);
        return List.copyOf(kept);
    }

    private static void keep(Deque<ErrorLogLine> kept, ErrorLogLine entry, StringBuilder continuation, int min,
                             int maxLines) {
        if (entry == null) {
            return;
        }
        int rank = LEVELS.indexOf(entry.level());
        if (rank >= 0 && rank < min) {
            return;
        }
        kept.addLast(continuation.isEmpty() ? entry
                : new ErrorLogLine(entry.time(), entry.level(), entry.message() + continuation));
        if (kept.size() > maxLines) {
            kept.removeFirst();
        }
    }
}
